package org.trackwell.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.trackwell.identity.Accounts;
import org.trackwell.support.Api;
import org.trackwell.support.Https;
import org.trackwell.support.PageSession;
import org.trackwell.support.TrackwellTest;
import org.trackwell.tenancy.Tenants;

/**
 * No tenant setting is API-only: walks every GET and PUT route of the API whose path names
 * settings, a policy, terms, session types or the modules used, and finds for each the page where a tenant admin
 * reads and changes the same thing, linked from the settings area. A new settings endpoint fails
 * this test until it has a page listed here.
 */
@TrackwellTest
class SettingsPagesCoverageIT {

    private static final Pattern SETTINGS =
            Pattern.compile("settings|policy|terms|session-types|modules-used|teams-off");

    /** Each settings route of the API, and its page. */
    private static final Map<String, String> PAGES = Map.ofEntries(
            Map.entry("GET /api/v1/security-policy", "/admin/settings/security-policy"),
            Map.entry("PUT /api/v1/security-policy", "/admin/settings/security-policy"),
            Map.entry("GET /api/v1/client-settings", "/admin/settings/clients"),
            Map.entry("PUT /api/v1/client-settings", "/admin/settings/clients"),
            Map.entry("GET /api/v1/medication-settings", "/admin/settings/medication"),
            Map.entry("PUT /api/v1/medication-settings", "/admin/settings/medication"),
            Map.entry("GET /api/v1/modules-used", "/admin/settings/modules"),
            Map.entry("PUT /api/v1/modules-used", "/admin/settings/modules"),
            Map.entry("GET /api/v1/outcome-settings", "/admin/measures"),
            Map.entry("GET /api/v1/measures/{id}/teams-off", "/admin/measures"),
            Map.entry("PUT /api/v1/measures/{id}/teams-off", "/admin/measures"),
            Map.entry("PUT /api/v1/outcome-settings", "/admin/measures"),
            Map.entry("GET /api/v1/session-types", "/admin/measures"),
            Map.entry("PUT /api/v1/session-types", "/admin/measures"),
            Map.entry("GET /api/v1/erasure-settings", "/admin/settings/erasure"),
            Map.entry("PUT /api/v1/erasure-settings", "/admin/settings/erasure"),
            Map.entry("GET /api/v1/retention-settings", "/admin/settings/retention"),
            Map.entry("PUT /api/v1/retention-settings", "/admin/settings/retention"),
            // A user's own acceptance; the service's terms themselves are written on the settings page.
            Map.entry("GET /api/v1/me/terms", "/admin/settings/terms"));

    /** Pages linked from the settings area that are not the page of an API route above. */
    private static final Set<String> ALSO_LINKED =
            Set.of("/admin/medication/round-identification", "/admin/erasures", "/admin/retention");

    @LocalServerPort
    int port;

    @Autowired
    Tenants tenants;

    @Autowired
    Accounts accounts;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everySettingsRouteOfTheApiHasAPageLinkedFromTheSettingsArea() {
        Set<String> routes = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/api/") && SETTINGS.matcher(pattern).find()) {
                    info.getMethodsCondition().getMethods().stream()
                            .filter(method ->
                                    method.name().equals("GET") || method.name().equals("PUT"))
                            .forEach(method -> routes.add(method + " " + pattern));
                }
            }
        }
        assertThat(routes).as("settings routes of the API without a page").isSubsetOf(PAGES.keySet());
        assertThat(PAGES.keySet()).as("listed routes that no longer exist").isSubsetOf(routes);

        Api api = Api.newTenant(new Https(port), tenants, accounts, "settingswalk");
        PageSession admin = PageSession.signedIn(api, api.adminEmail(), Api.GOOD_PASSWORD);
        String area = admin.get("/admin/settings").body();
        for (String page : new TreeSet<>(PAGES.values())) {
            assertThat(area).as("the settings area links " + page).contains("href=\"" + page + "\"");
            var shown = admin.get(page);
            assertThat(shown.statusCode()).as(page).isEqualTo(200);
            assertThat(shown.body()).as(page + " has a form").contains("<form").contains("method=\"post\"");
        }
        ALSO_LINKED.forEach(page -> assertThat(area).contains("href=\"" + page + "\""));
        assertThat(area).contains("href=\"/admin/settings/changes\"");
    }
}
