package org.trackwell.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.trackwell.support.Axe;
import org.trackwell.support.BrowserJourney;

/** The accessibility check the page journeys rely on finds what it should, so that its silence means something. */
class AccessibilityCheckBrowserIT extends BrowserJourney {

    @Test
    void theCheckFindsAnImageWithoutAlternativeText() {
        browser.get(
                "data:text/html,<html lang=en><head><title>t</title></head><body><main><img src=x></main></body></html>");

        assertThat(Axe.seriousViolations(browser)).anyMatch(violation -> violation.contains("image-alt"));
    }
}
