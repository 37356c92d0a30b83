package org.trackwell.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.trackwell.identity.Accounts;
import org.trackwell.identity.Operators;
import org.trackwell.identity.SessionCookie;
import org.trackwell.support.Api;
import org.trackwell.support.Https;
import org.trackwell.support.MappedRoutes;
import org.trackwell.support.MutableClock;
import org.trackwell.support.Oathtool;
import org.trackwell.support.TrackwellTest;
import org.trackwell.tenancy.Tenants;

/**
 * Separation of duties, from outside: every route Spring maps, called with an operator's session and
 * with a tenant admin's, on a tenant's host and on the operator's, as the API's bearer token and as
 * the pages' cookie. An operator's session counts for nothing on a tenant's host and opens no tenant
 * route or page, only the operators' own; a tenant's session counts for nothing on the operator's host and opens no
 * operator route on its own.
 */
@TrackwellTest
class SeparationOfDutiesIT {

    private static final String OPERATOR_HOST = "localhost";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    Tenants tenants;

    @Autowired
    Accounts accounts;

    @Autowired
    Operators operators;

    @Autowired
    MutableClock clock;

    Https https;
    Api tenant;
    String operator;
    String admin;

    @BeforeEach
    void anOperatorAndATenantAdminSignedIn() {
        https = new Https(port);
        tenant = Api.newTenant(https, tenants, accounts, "duties");
        admin = tenant.signInAsAdmin();
        operator = enrolledOperator();
    }

    @Test
    void anOperatorsSessionOpensNothingOnATenantsHostAndNoTenantRouteOnTheOperatorsHost() {
        List<String> problems = new ArrayList<>();
        for (String route : routes()) {
            for (boolean page : new boolean[] {false, true}) {
                int nobody = call(tenant.host(), route, null, page);
                int asOperator = call(tenant.host(), route, operator, page);
                if (asOperator != nobody) {
                    problems.add(route + (page ? " (page)" : "") + " on the tenant's host: " + asOperator + ", but "
                            + nobody + " for nobody");
                }
            }
            for (boolean page : new boolean[] {false, true}) {
                boolean api = route.contains(" /api/");
                if ((!page || !api) && !route.contains("/api/v1/operator/") && !route.contains(" /operator/")) {
                    int nobody = call(OPERATOR_HOST, route, null, page);
                    int asOperator = call(OPERATOR_HOST, route, operator, page);
                    if (asOperator != nobody && asOperator != 403) {
                        problems.add(route + (page ? " (page)" : "") + " on the operator's host: " + asOperator
                                + ", but " + nobody + " for nobody");
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(call(OPERATOR_HOST, "GET /api/v1/operator/health", operator, false))
                .as("the operator's session itself still works")
                .isEqualTo(200);
        assertThat(call(OPERATOR_HOST, "GET /operator/health", operator, true))
                .as("and opens the operators' own pages")
                .isEqualTo(200);
    }

    @Test
    void aTenantsSessionOpensNothingOnTheOperatorsHostAndNoOperatorRouteOnItsOwn() {
        List<String> problems = new ArrayList<>();
        for (String route : routes()) {
            for (boolean page : new boolean[] {false, true}) {
                int nobody = call(OPERATOR_HOST, route, null, page);
                int asAdmin = call(OPERATOR_HOST, route, admin, page);
                if (asAdmin != nobody) {
                    problems.add(route + (page ? " (page)" : "") + " on the operator's host: " + asAdmin + ", but "
                            + nobody + " for nobody");
                }
            }
            if (route.contains("/api/v1/operator/")) {
                int asAdmin = call(tenant.host(), route, admin, false);
                if (asAdmin < 400 || asAdmin >= 500) {
                    problems.add(route + " on the tenant's host: " + asAdmin + ", not a refusal");
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(tenant.get("/api/v1/users", admin).statusCode())
                .as("the admin's session itself still works")
                .isEqualTo(200);
    }

    /** Every mapped route as {@code METHOD /path}, its variables filled with references to nothing. */
    private List<String> routes() {
        return MappedRoutes.of(context).stream()
                .map(route -> route.replace(MappedRoutes.ANY_METHOD + " ", "GET ")
                        .replaceAll("\\{[^}]*}", UUID.randomUUID().toString())
                        .replace("**", "x"))
                .toList();
    }

    /** The status of one call, with the session (if any) as a bearer token or as the page's cookie. */
    private int call(String host, String route, String session, boolean page) {
        String method = route.substring(0, route.indexOf(' '));
        String path = route.substring(route.indexOf(' ') + 1);
        HttpRequest.Builder request = https.request(host, path);
        if (session != null) {
            request.header(
                    page ? "Cookie" : "Authorization", page ? SessionCookie.NAME + "=" + session : "Bearer " + session);
        }
        boolean body = !method.equals("GET") && !method.equals("DELETE");
        if (body) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = https.send(request.method(
                        method, body ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody())
                .build());
        return response.statusCode();
    }

    /** An operator with a confirmed authenticator, signed in with the session that set it up. */
    private String enrolledOperator() {
        String email = "duties-" + UUID.randomUUID() + "@platform.test";
        String setupToken = operators.add(email);
        assertThat(https.postJson(
                                OPERATOR_HOST,
                                "/api/v1/operator/setup",
                                Api.json("token", setupToken, "password", Api.GOOD_PASSWORD))
                        .statusCode())
                .isEqualTo(204);
        HttpResponse<String> login = https.postJson(
                OPERATOR_HOST, "/api/v1/operator/login", Api.json("email", email, "password", Api.GOOD_PASSWORD));
        String session = Api.read(login).get("token").asString();
        HttpResponse<String> started = https.send(https.request(OPERATOR_HOST, "/api/v1/operator/mfa/totp")
                .header("Authorization", "Bearer " + session)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
        String secret = Api.read(started).get("secret").asString();
        clock.advance(Duration.ofSeconds(30));
        assertThat(https.postJson(
                                OPERATOR_HOST,
                                "/api/v1/operator/mfa/totp/confirm",
                                Api.json("code", Oathtool.totp(secret, clock.instant())),
                                "Authorization",
                                "Bearer " + session)
                        .statusCode())
                .isEqualTo(204);
        return session;
    }
}
