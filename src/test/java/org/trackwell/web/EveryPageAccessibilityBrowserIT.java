package org.trackwell.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trackwell.support.MappedRoutes.ANY_METHOD;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Cookie;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.trackwell.identity.SessionCookie;
import org.trackwell.support.Axe;
import org.trackwell.support.BrowserJourney;
import org.trackwell.support.Https;
import org.trackwell.support.MappedRoutes;
import org.trackwell.support.MutableClock;
import org.trackwell.web.Caller.Body;
import org.trackwell.web.MatrixWorld.Variant;

/**
 * axe-core on every page a tenant admin, a practitioner and a carer reach, in a tenant with records
 * in every module (the authorisation matrix's world), settings pages first: no serious or critical
 * violation anywhere.
 */
class EveryPageAccessibilityBrowserIT extends BrowserJourney {

    private static final List<String> WALKERS = List.of("TENANT_ADMIN", "PRACTITIONER", "CARER");

    /** Pages that are not pages of words: files, images, the API's own pages. */
    private static final Pattern NOT_A_PAGE = Pattern.compile(
            "^/(api|health|assets|webjars|error|actuator)\\b|\\.(pdf|svg|png|csv)$|/photo$|/qr$|/chart$|qr\\.png$");

    @Autowired
    ApplicationContext context;

    @Autowired
    MutableClock clock;

    @Test
    void aTenantAdminAPractitionerAndACarerMeetNoSeriousAccessibilityProblemOnAnyPageTheyReach() {
        List<String> problems = new ArrayList<>();
        int pages = 0;
        try (Https https = new Https(port)) {
            MatrixWorld world = new MatrixWorld(https, tenants, accounts, context, clock);
            Map<String, RouteCall> known = RouteCalls.all(world);
            Targets own = world.targets(Variant.OWN);
            List<String> paths = MappedRoutes.of(context).stream()
                    .map(route -> known.getOrDefault(route, RouteCall.of(route)))
                    .filter(call -> call.method().equals("GET") || call.method().equals(ANY_METHOD))
                    .filter(call -> !NOT_A_PAGE.matcher(call.pattern()).find())
                    .map(call -> call.target(own))
                    .sorted(Comparator.comparing((String path) -> !path.startsWith("/admin/settings"))
                            .thenComparing(path -> path))
                    .toList();
            for (String walker : WALKERS) {
                Caller caller = world.callers().get(walker);
                signIn(caller);
                for (String path : paths) {
                    HttpResponse<String> page = caller.send(https, "GET", path, Body.NONE);
                    if (page.statusCode() != 200
                            || !page.headers()
                                    .firstValue("Content-Type")
                                    .orElse("")
                                    .startsWith("text/html")) {
                        continue;
                    }
                    browser.get(base(caller) + path);
                    pages++;
                    Axe.seriousViolations(browser).forEach(found -> problems.add(walker + " " + found));
                }
            }
        }
        assertThat(pages).as("pages checked").isGreaterThan(40);
        assertThat(problems).as(String.join("\n", problems)).isEmpty();
    }

    private String base(Caller caller) {
        return "https://" + caller.host() + ":" + port;
    }

    /** The walker's own session, as their browser would hold it after signing in. */
    private void signIn(Caller caller) {
        browser.manage().deleteAllCookies();
        browser.get(base(caller) + "/health");
        browser.manage()
                .addCookie(new Cookie.Builder(SessionCookie.NAME, java.util.Objects.requireNonNull(caller.token()))
                        .path("/")
                        .isSecure(true)
                        .isHttpOnly(true)
                        .sameSite("Strict")
                        .build());
    }
}
