package org.trackwell.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.trackwell.support.Api;
import org.trackwell.support.Browser;
import org.trackwell.support.BrowserJourney;
import org.trackwell.support.Https;
import org.trackwell.support.TestPostgres;

class IdleWarningBrowserIT extends BrowserJourney {

    @Test
    void warnsBeforeTheIdleTimeoutLetsTheUserStayAndThenShowsTheSignInPage() {
        Api api = Api.newTenant(new Https(port), tenants, accounts, "idle");
        // An idle timeout of 6 seconds, below what an admin may choose, so the test takes seconds.
        JdbcClient.create(TestPostgres.asSuperuser())
                .sql("""
                        insert into security_policy values (:tenant, 15, 5, false, 5, 15, 1440, 6, '')""")
                .param("tenant", api.tenant().id().value())
                .update();
        String base = "https://" + api.host() + ":" + port;
        Browser.signIn(browser, base, api.adminEmail(), Api.GOOD_PASSWORD);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));

        wait.until(driver -> driver.findElement(By.id("idle-warning")).isDisplayed());
        assertThat(browser.findElement(By.id("idle-warning-title")).getText()).contains("signed out soon");
        browser.findElement(By.id("stay-signed-in")).click();
        wait.until(driver -> !driver.findElement(By.id("idle-warning")).isDisplayed());
        assertThat(browser.getCurrentUrl()).isEqualTo(base + "/");

        wait.until(driver -> driver.getCurrentUrl().endsWith("/sign-in?expired"));
        assertThat(browser.findElement(By.cssSelector("main .notice")).getText())
                .contains("signed out");
        Browser.open(browser, base + "/account/password");
        Browser.waitForPath(browser, "/sign-in");
        assertThat(Browser.consoleProblems(browser)).isEmpty();
    }
}
