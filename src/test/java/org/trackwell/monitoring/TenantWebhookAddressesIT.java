package org.trackwell.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.trackwell.identity.Accounts;
import org.trackwell.support.Api;
import org.trackwell.support.Https;
import org.trackwell.support.PageSession;
import org.trackwell.support.TrackwellTest;
import org.trackwell.tenancy.Tenants;

/** A tenant admin cannot point a webhook at this machine or a private network (server-side request forgery). */
@TrackwellTest
class TenantWebhookAddressesIT {

    @LocalServerPort
    int port;

    @Autowired
    Tenants tenants;

    @Autowired
    Accounts accounts;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://169.254.169.254/latest/meta-data/",
                "https://127.0.0.1:8081/actuator/prometheus",
                "https://10.1.2.3/internal",
                "https://[fd12::1]/internal"
            })
    void aWebhookToThisMachineOrAPrivateNetworkIsRefusedAndNothingIsAdded(String address) {
        Api api = Api.newTenant(new Https(port), tenants, accounts, "ssrf");
        api.signInAsAdmin();
        PageSession admin = PageSession.signedIn(api, api.adminEmail(), Api.GOOD_PASSWORD);

        admin.submit("/admin/webhooks", "url", address);

        String page = admin.get("/admin/webhooks").body();
        assertThat(page)
                .contains("Webhooks cannot post to this address: it is on this machine or a private network.")
                .contains("No webhooks yet.");
        assertThat(api.auditActions()).doesNotContain("webhook.added");
    }
}
