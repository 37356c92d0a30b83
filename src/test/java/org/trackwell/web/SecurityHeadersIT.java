package org.trackwell.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.trackwell.support.Fixtures;
import org.trackwell.support.Https;
import org.trackwell.support.TrackwellTest;
import org.trackwell.tenancy.Tenant;
import org.trackwell.tenancy.Tenants;

@TrackwellTest
class SecurityHeadersIT {

    @LocalServerPort
    int port;

    @Autowired
    Tenants tenants;

    Https https;
    String host;

    @BeforeEach
    void tenant() {
        https = new Https(port);
        Tenant tenant = tenants.create(Fixtures.uniqueSlug("headers"), "Headers Service");
        host = tenant.slug() + ".localhost";
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        for (HttpResponse<String> response : new HttpResponse[] {
            https.get(host, "/"),
            https.get(host, "/no-such-page"),
            https.get(host, "/api/v1/nothing"),
            https.get("unknown.localhost", "/")
        }) {
            var headers = response.headers();
            assertThat(headers.firstValue("Strict-Transport-Security"))
                    .hasValueSatisfying(
                            v -> assertThat(v).contains("max-age=31536000").contains("includeSubDomains"));
            assertThat(headers.firstValue("Content-Security-Policy"))
                    .hasValueSatisfying(csp -> assertThat(csp)
                            .contains("default-src 'self'")
                            .contains("frame-ancestors 'none'")
                            .doesNotContain("unsafe-inline")
                            .doesNotContain("unsafe-eval"));
            assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(headers.firstValue("Referrer-Policy")).hasValue("same-origin");
            assertThat(headers.firstValue("Permissions-Policy")).isPresent();
            assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(headers.firstValue("Server")).isEmpty();
        }
    }

    @Test
    void apiErrorsAreProblemDetailsWithoutInternals() {
        HttpResponse<String> missing = https.get(host, "/api/v1/nothing", "Accept", "application/json");
        assertThat(missing.statusCode()).isIn(401, 404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(missing.body()).contains("\"status\"").contains("\"title\"");
        assertNoInternals(missing.body());
    }

    @Test
    void pageErrorsAreFriendlyPagesWithoutInternals() {
        HttpResponse<String> missing = https.get("unknown.localhost", "/no-such-page", "Accept", "text/html");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(missing.body()).contains("<main");
        assertNoInternals(missing.body());
    }

    @Test
    void malformedRequestsGetNoStackTraceOrVersion() {
        HttpResponse<String> response = https.send(https.request(host, "/api/v1/auth/login")
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{not json"))
                .build());
        assertThat(response.statusCode()).isBetween(400, 499);
        assertNoInternals(response.body());
    }

    static void assertNoInternals(String body) {
        assertThat(body)
                .doesNotContain("Exception")
                .doesNotContain("at org.")
                .doesNotContain("java.")
                .doesNotContain("Tomcat")
                .doesNotContain("SQL")
                .doesNotContainIgnoringCase("stack");
    }
}
