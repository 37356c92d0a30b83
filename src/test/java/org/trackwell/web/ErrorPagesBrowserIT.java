package org.trackwell.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.trackwell.support.Api;
import org.trackwell.support.Axe;
import org.trackwell.support.Browser;
import org.trackwell.support.BrowserJourney;
import org.trackwell.support.Https;

class ErrorPagesBrowserIT extends BrowserJourney {

    @Test
    void aSignedInPersonWhoMeetsAnErrorKeepsTheMenuAndIsToldWhatToDoNext() {
        Api api = Api.newTenant(new Https(port), tenants, accounts, "errors");
        String admin = api.signInAsAdmin();
        String email = api.newUserInTeam(admin, "Pat Practitioner", api.newTeam(admin, "Elm Team"), "PRACTITIONER");
        String base = "https://" + api.host() + ":" + port;
        Browser.signIn(browser, base, email, Api.GOOD_PASSWORD);
        Browser.waitForPath(browser, "/");

        for (String missing : new String[] {"/clients/ZZZ-ZZZZ", "/no-such-page", "/admin/users"}) {
            browser.get(base + missing);
            assertThat(browser.findElement(By.cssSelector(".site-header .tenant-name"))
                            .getText())
                    .as(missing)
                    .contains("errors");
            assertThat(browser.findElement(By.cssSelector("nav[aria-label='Main']"))
                            .getText())
                    .as(missing + ": the menu of someone signed in")
                    .contains("Clients", "Sign out");
            assertThat(browser.findElement(By.id("error-next")).getText())
                    .as(missing)
                    .isNotBlank();
            assertThat(Axe.seriousViolations(browser))
                    .as("axe-core: serious and critical")
                    .isEmpty();
        }
        browser.get(base + "/no-such-page");
        assertThat(browser.findElement(By.id("error-next")).getText()).contains("Check the address");
        assertThat(Browser.consoleProblems(browser))
                .allMatch(problem -> problem.contains("404") || problem.contains("403"));
    }
}
