package org.trackwell.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.trackwell.identity.Accounts;
import org.trackwell.identity.ApiScope;
import org.trackwell.support.Api;
import org.trackwell.support.Https;
import org.trackwell.support.MappedRoutes;
import org.trackwell.support.TrackwellTest;
import org.trackwell.tenancy.Tenants;

/**
 * The scope table against the routes Spring maps: every tenant API route is either scoped, for
 * people only, or open to anyone, so a new route fails here until someone decides; and a service
 * account holding every scope is refused every route for people only, whatever it names.
 */
@TrackwellTest
class ApiScopesIT {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    Tenants tenants;

    @Autowired
    Accounts accounts;

    @Test
    void everyApiRouteIsDecided() {
        Set<String> routes = tenantApiRoutes();
        Set<String> undecided = new TreeSet<>(routes);
        undecided.removeAll(ApiScopes.SCOPED.keySet());
        undecided.removeAll(ApiScopes.PEOPLE_ONLY);
        undecided.removeIf(route -> PublicApiRoutes.PATTERNS.contains(route.substring(route.indexOf(' ') + 1)));
        assertThat(undecided)
                .as("API routes in neither ApiScopes.SCOPED nor ApiScopes.PEOPLE_ONLY (decide each)")
                .isEmpty();
        Set<String> stale = new TreeSet<>(ApiScopes.SCOPED.keySet());
        stale.addAll(ApiScopes.PEOPLE_ONLY);
        stale.removeAll(routes);
        assertThat(stale)
                .as("entries of the scope table that are no longer routes")
                .isEmpty();
    }

    @Test
    void aServiceAccountWithEveryScopeIsRefusedEveryRouteForPeople() {
        try (Https https = new Https(port)) {
            Api api = Api.newTenant(https, tenants, accounts, "scopes");
            String admin = api.signInAsAdmin();
            String team = api.newTeam(admin, "North");
            HttpResponse<String> created = api.post(
                    "/api/v1/api-clients",
                    Api.json(Map.of(
                            "name", "Everything",
                            "scopes",
                                    Arrays.stream(ApiScope.values())
                                            .map(ApiScope::code)
                                            .toList(),
                            "teams", List.of(team),
                            "expiresOn", LocalDate.now().plusDays(30).toString(),
                            "callsPerMinute", 10_000)),
                    admin);
            String key = Api.read(created).get("key").asString();
            List<String> answered = new ArrayList<>();
            for (String route : ApiScopes.PEOPLE_ONLY) {
                String[] parts = route.split(" ", 2);
                String path = parts[1].replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
                int status = api.send(parts[0], path, parts[0].equals("GET") ? "" : "{}", key)
                        .statusCode();
                if (status != 403) {
                    answered.add(route + " -> " + status);
                }
            }
            assertThat(answered)
                    .as("routes for people that answered a service account")
                    .isEmpty();
        }
    }

    private Set<String> tenantApiRoutes() {
        Set<String> routes = new TreeSet<>();
        Stream.of(MappedRoutes.of(context).toArray(String[]::new))
                .filter(route -> route.contains(" /api/v1/") && !route.contains(" /api/v1/operator/"))
                .forEach(routes::add);
        return routes;
    }
}
