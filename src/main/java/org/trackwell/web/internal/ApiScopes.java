package org.trackwell.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import org.trackwell.identity.ApiScope;

/**
 * Which scope a service account needs for each API route: the one table. A route in
 * {@link #PEOPLE_ONLY}, or in neither list, is refused to every service account (403), whatever
 * its scopes; {@code ApiScopesIT} fails for a route in neither list, so that each new route is
 * decided. Within a scope, the account reaches only its teams' clients, as a manager of them would.
 */
@Component
class ApiScopes {

    static final Map<String, ApiScope> SCOPED = Map.ofEntries(
            Map.entry("GET /api/v1/clients", ApiScope.CLIENTS_READ),
            Map.entry("GET /api/v1/clients/{code}", ApiScope.CLIENTS_READ),
            Map.entry("GET /api/v1/clients/{code}/episodes", ApiScope.CLIENTS_READ),
            Map.entry("GET /api/v1/measures", ApiScope.OUTCOMES_READ),
            Map.entry("GET /api/v1/measures/{id}", ApiScope.OUTCOMES_READ),
            Map.entry("GET /api/v1/clients/{code}/goals", ApiScope.OUTCOMES_READ),
            Map.entry("GET /api/v1/clients/{code}/progress", ApiScope.OUTCOMES_READ),
            Map.entry("GET /api/v1/clients/{code}/sessions", ApiScope.OUTCOMES_READ),
            Map.entry("GET /api/v1/progress", ApiScope.OUTCOMES_READ),
            Map.entry("POST /api/v1/clients/{code}/sessions", ApiScope.OUTCOMES_WRITE),
            Map.entry("PUT /api/v1/clients/{code}/sessions/{session}/attendance", ApiScope.OUTCOMES_WRITE),
            Map.entry("POST /api/v1/clients/{code}/sessions/{session}/goal-ratings", ApiScope.OUTCOMES_WRITE),
            Map.entry("POST /api/v1/clients/{code}/sessions/{session}/measures", ApiScope.OUTCOMES_WRITE),
            Map.entry("POST /api/v1/clients/{code}/goals", ApiScope.OUTCOMES_WRITE),
            Map.entry("PUT /api/v1/clients/{code}/goals/{goal}", ApiScope.OUTCOMES_WRITE),
            Map.entry("POST /api/v1/clients/{code}/goals/{goal}/close", ApiScope.OUTCOMES_WRITE),
            Map.entry("GET /api/v1/clients/{code}/doses", ApiScope.DOSES_READ),
            Map.entry("GET /api/v1/clients/{code}/mar", ApiScope.DOSES_READ),
            Map.entry("GET /api/v1/clients/{code}/prescriptions", ApiScope.DOSES_READ),
            Map.entry("GET /api/v1/medication/round", ApiScope.DOSES_READ),
            Map.entry("GET /api/v1/medication/adherence", ApiScope.DOSES_READ),
            Map.entry("GET /api/v1/medicines", ApiScope.DOSES_READ),
            Map.entry("POST /api/v1/clients/{code}/doses", ApiScope.DOSES_WRITE),
            Map.entry("POST /api/v1/clients/{code}/doses/{id}/corrections", ApiScope.DOSES_WRITE),
            Map.entry("POST /api/v1/clients/{code}/doses/{id}/effect", ApiScope.DOSES_WRITE),
            Map.entry("GET /api/v1/reports/outcomes", ApiScope.REPORTS_READ),
            Map.entry("GET /api/v1/reports/outcomes/episodes", ApiScope.REPORTS_READ),
            Map.entry("POST /api/v1/reports/outcomes/export", ApiScope.REPORTS_READ),
            Map.entry("GET /api/v1/reports/medication/adherence", ApiScope.REPORTS_READ),
            Map.entry("GET /api/v1/reports/medication/missed-doses", ApiScope.REPORTS_READ),
            Map.entry("GET /api/v1/reports/medication/as-needed", ApiScope.REPORTS_READ),
            Map.entry("GET /api/v1/reports/medication/prn-overrides", ApiScope.REPORTS_READ),
            Map.entry("GET /api/v1/reports/medication/controlled-drugs", ApiScope.REPORTS_READ),
            Map.entry("GET /api/v1/reports/medication/stock-discrepancies", ApiScope.REPORTS_READ),
            Map.entry("POST /api/v1/reports/medication/export", ApiScope.REPORTS_READ));

    /** Routes for people only: their own account, administration, settings, identifying details, notes. */
    static final Set<String> PEOPLE_ONLY = Set.of(
            "GET /api/v1/api-clients",
            "POST /api/v1/api-clients",
            "GET /api/v1/api-clients/{id}",
            "POST /api/v1/api-clients/{id}/rotate",
            "POST /api/v1/api-clients/{id}/revoke",
            "POST /api/v1/auth/logout",
            "GET /api/v1/me",
            "POST /api/v1/me/confirm",
            "GET /api/v1/me/mfa",
            "GET /api/v1/me/mfa/passkeys",
            "POST /api/v1/me/mfa/passkeys",
            "POST /api/v1/me/mfa/passkeys/options",
            "DELETE /api/v1/me/mfa/passkeys/{id}",
            "POST /api/v1/me/mfa/recovery-codes",
            "POST /api/v1/me/mfa/totp",
            "POST /api/v1/me/mfa/totp/confirm",
            "PUT /api/v1/me/password",
            "GET /api/v1/me/terms",
            "POST /api/v1/me/terms",
            "GET /api/v1/client-settings",
            "PUT /api/v1/client-settings",
            "POST /api/v1/measures",
            "PUT /api/v1/measures/{id}/enabled",
            "GET /api/v1/measures/{id}/teams-off",
            "PUT /api/v1/measures/{id}/teams-off",
            "GET /api/v1/medication-settings",
            "GET /api/v1/modules-used",
            "PUT /api/v1/modules-used",
            "PUT /api/v1/medication-settings",
            "GET /api/v1/outcome-settings",
            "PUT /api/v1/outcome-settings",
            "GET /api/v1/security-policy",
            "PUT /api/v1/security-policy",
            "GET /api/v1/session-types",
            "PUT /api/v1/session-types",
            "GET /api/v1/teams",
            "POST /api/v1/teams",
            "GET /api/v1/users",
            "POST /api/v1/users",
            "GET /api/v1/users/{id}",
            "POST /api/v1/users/{id}/disable",
            "POST /api/v1/users/{id}/enable",
            "POST /api/v1/users/{id}/invitation",
            "POST /api/v1/users/{id}/mfa/reset",
            "PUT /api/v1/users/{id}/roles",
            "GET /api/v1/users/{id}/sessions",
            "PUT /api/v1/users/{id}/teams",
            "POST /api/v1/users/{id}/unlock",
            "GET /api/v1/audit/events",
            "POST /api/v1/clients",
            "GET /api/v1/clients/search",
            "PUT /api/v1/clients/{code}",
            "GET /api/v1/clients/{code}/identification",
            "PUT /api/v1/clients/{code}/identification",
            "GET /api/v1/clients/{code}/photo",
            "PUT /api/v1/clients/{code}/photo",
            "DELETE /api/v1/clients/{code}/photo",
            "GET /api/v1/clients/{code}/access",
            "GET /api/v1/clients/{code}/consents",
            "POST /api/v1/clients/{code}/consents",
            "POST /api/v1/clients/{code}/episodes",
            "POST /api/v1/clients/{code}/episodes/{episode}/close",
            "POST /api/v1/clients/{code}/episodes/{episode}/follow-ups",
            "POST /api/v1/clients/{code}/episodes/{episode}/reopen",
            "POST /api/v1/clients/{code}/episodes/{episode}/stage",
            "GET /api/v1/clients/{code}/flags",
            "POST /api/v1/clients/{code}/flags/{flag}/clear",
            "GET /api/v1/clients/{code}/notes",
            "POST /api/v1/clients/{code}/notes",
            "PUT /api/v1/clients/{code}/practitioners",
            "GET /api/v1/clients/{code}/risk",
            "POST /api/v1/clients/{code}/risk",
            "POST /api/v1/identifying-text",
            "GET /api/v1/clients/{code}/chart-links",
            "POST /api/v1/clients/{code}/chart-links",
            "DELETE /api/v1/clients/{code}/chart-links/{link}",
            "PUT /api/v1/clients/{code}/primary-measure",
            "POST /api/v1/clients/{code}/sessions/{session}/links",
            "POST /api/v1/clients/{code}/prescriptions",
            "POST /api/v1/clients/{code}/prescriptions/{id}/change",
            "POST /api/v1/clients/{code}/prescriptions/{id}/stop",
            "GET /api/v1/clients/{code}/stock",
            "POST /api/v1/clients/{code}/stock/counts",
            "POST /api/v1/clients/{code}/stock/receipts",
            "POST /api/v1/clients/{code}/stock/removals",
            "GET /api/v1/clients/{code}/stock/{medicine}/register",
            "GET /api/v1/medication/alerts",
            "POST /api/v1/medication/alerts/{id}/acknowledge",
            "POST /api/v1/medicines",
            // A client's whole record, and the whole service's data: people, within reach and with step-up.
            "GET /api/v1/clients/{code}/fhir",
            "GET /api/v1/clients/{code}/summary",
            "GET /api/v1/fhir",
            "POST /api/v1/archive",
            "POST /api/v1/subject-access",
            // Erasure and retention are decided by two people.
            "GET /api/v1/erasures",
            "POST /api/v1/erasures",
            "POST /api/v1/erasures/{number}/approve",
            "POST /api/v1/erasures/{number}/cancel",
            "GET /api/v1/erasures/{number}/certificate",
            "GET /api/v1/erasure-settings",
            "PUT /api/v1/erasure-settings",
            "GET /api/v1/retention/due",
            "POST /api/v1/retention/extensions",
            "GET /api/v1/retention-settings",
            "PUT /api/v1/retention-settings",
            // Where the tenant's events go, and with which secret, is an admin's to decide.
            "GET /api/v1/webhooks",
            "POST /api/v1/webhooks",
            "PUT /api/v1/webhooks/{id}/events",
            "POST /api/v1/webhooks/remove",
            "GET /api/v1/webhooks/deliveries");

    /** A route of either list; a people-only one has no scope. */
    private record Route(
            String method, PathPattern pattern, @Nullable ApiScope scope) {

        static Route of(String route, @Nullable ApiScope scope) {
            String[] parts = route.split(" ", 2);
            return new Route(parts[0], PathPatternParser.defaultInstance.parse(parts[1]), scope);
        }
    }

    private final List<Route> routes = Stream.concat(
                    SCOPED.entrySet().stream().map(entry -> Route.of(entry.getKey(), entry.getValue())),
                    PEOPLE_ONLY.stream().map(route -> Route.of(route, null)))
            .toList();

    /** The scope a route of the API description (its method and path pattern) needs, if any. */
    Optional<ApiScope> scopeOf(String method, String pattern) {
        return Optional.ofNullable(SCOPED.get(method + " " + pattern));
    }

    /**
     * Whether a service account holding {@code granted} may make this request: the route it
     * reaches is the most specific that matches, as Spring MVC picks it ({@code /clients/search}
     * before {@code /clients/{code}}).
     */
    boolean allows(HttpServletRequest request, Set<ApiScope> granted) {
        PathContainer path = PathContainer.parsePath(request.getRequestURI());
        return routes.stream()
                .filter(route -> route.method().equals(request.getMethod())
                        && route.pattern().matches(path))
                .min(Comparator.comparing(Route::pattern, PathPattern.SPECIFICITY_COMPARATOR))
                .map(route -> route.scope() != null && granted.contains(route.scope()))
                .orElse(false);
    }
}
