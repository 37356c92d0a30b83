package org.trackwell.support;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.trackwell.identity.Accounts;
import org.trackwell.tenancy.Tenants;

/** What every browser journey needs: the running application, a way to make tenants, a fresh browser. */
@TrackwellTest
public abstract class BrowserJourney {

    @LocalServerPort
    protected int port;

    @Autowired
    protected Tenants tenants;

    @Autowired
    protected Accounts accounts;

    @RegisterExtension
    protected final BrowserSession session = BrowserSession.desktop();

    protected ChromeDriver browser;

    @BeforeEach
    void openBrowser() {
        browser = session.driver();
    }
}
