package org.trackwell.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.trackwell.database.TenantTransactions;
import org.trackwell.identity.internal.UnusedAccounts;
import org.trackwell.support.Api;
import org.trackwell.support.Https;
import org.trackwell.support.MutableClock;
import org.trackwell.support.TestMail;
import org.trackwell.support.TrackwellTest;
import org.trackwell.tenancy.Tenants;

/**
 * Accounts nobody uses for the policy's number of days are disabled by the daily job, the admins
 * are told by e-mail, an account used since is kept, and the last tenant admin is never disabled.
 */
@TrackwellTest
class UnusedAccountsIT {

    @LocalServerPort
    int port;

    @Autowired
    Tenants tenants;

    @Autowired
    Accounts accounts;

    @Autowired
    MutableClock clock;

    @Autowired
    TenantTransactions transactions;

    @Autowired
    UnusedAccounts unused;

    Api api;

    @Test
    void anAccountUnusedForThePolicysDaysIsDisabledAndTheAdminsAreToldButNeverTheLastAdmin() {
        api = Api.newTenant(new Https(port), tenants, accounts, "unused");
        String admin = api.signInAsAdmin();
        String practitioner = api.newUser(admin, "Pat Leaver", "PRACTITIONER");
        String secondAdmin = api.newUser(admin, "Sam Admin", "TENANT_ADMIN");
        assertThat(api.login(practitioner, Api.GOOD_PASSWORD).statusCode()).isEqualTo(200);
        assertThat(api.put("/api/v1/security-policy", Api.json(Map.of("disableUnusedAfterDays", 10)), admin)
                        .statusCode())
                .as("a value out of range is refused")
                .isEqualTo(400);

        clock.advance(Duration.ofDays(89));
        assertThat(disableUnused()).as("not yet 90 days").isZero();
        clock.advance(Duration.ofDays(2));
        admin = api.signInAsAdmin();
        assertThat(disableUnused()).isEqualTo(2);

        assertThat(api.login(practitioner, Api.GOOD_PASSWORD).statusCode()).isEqualTo(401);
        assertThat(api.login(secondAdmin, Api.GOOD_PASSWORD).statusCode()).isEqualTo(401);
        assertThat(api.get("/api/v1/me", admin).statusCode())
                .as("the admin used theirs")
                .isEqualTo(200);
        assertThat(api.auditActions()).contains("user.disabled-unused");
        var told = TestMail.to(api.adminEmail());
        assertThat(told).isNotEmpty();
        assertThat(TestMail.text(told.getLast()))
                .contains("Pat Leaver")
                .contains("Sam Admin")
                .contains("90 days");

        clock.advance(Duration.ofDays(200));
        assertThat(disableUnused()).as("the last tenant admin is kept").isZero();
        assertThat(api.login(api.adminEmail(), Api.GOOD_PASSWORD).statusCode()).isEqualTo(200);
    }

    private int disableUnused() {
        return transactions.inTenant(
                api.tenant().id(), () -> unused.disableUnused().size());
    }
}
