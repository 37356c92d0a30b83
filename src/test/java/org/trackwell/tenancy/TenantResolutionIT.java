package org.trackwell.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.trackwell.identity.Accounts;
import org.trackwell.support.Api;
import org.trackwell.support.Fixtures;
import org.trackwell.support.Https;
import org.trackwell.support.TrackwellTest;

@TrackwellTest
class TenantResolutionIT {

    @LocalServerPort
    int port;

    @Autowired
    Tenants tenants;

    @Autowired
    Accounts accounts;

    Https https;

    @BeforeEach
    void client() {
        https = new Https(port);
    }

    @Test
    void servesATenantAtItsHostName() {
        Tenant tenant = tenants.create(Fixtures.uniqueSlug("resolve"), "Resolved Counselling");
        HttpResponse<String> home = https.get(tenant.slug() + ".localhost", "/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("Resolved Counselling");
    }

    @Test
    void unknownHostLooksExactlyLikeAMissingPageAndNamesNoTenant() {
        Tenant existing = tenants.create(Fixtures.uniqueSlug("known"), "Known Service");
        HttpResponse<String> unknown = https.get("nobody.localhost", "/api/v1/me", "Accept", "application/json");
        HttpResponse<String> unknownPage = https.get("nobody.localhost", "/");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknownPage.statusCode()).isEqualTo(404);
        assertThat(unknown.body() + unknownPage.body())
                .doesNotContain(existing.slug())
                .doesNotContain("Known Service")
                .doesNotContainIgnoringCase("tenant");
    }

    @Test
    void suspendedTenantGetsForbiddenOnEverythingUntilResumed() {
        Tenant tenant = tenants.create(Fixtures.uniqueSlug("suspend"), "Paused Service");
        String host = tenant.slug() + ".localhost";
        tenants.suspend(tenant.slug());
        assertThat(https.get(host, "/").statusCode()).isEqualTo(403);
        assertThat(https.get(host, "/api/v1/me").statusCode()).isEqualTo(403);
        assertThat(https.get(host, "/no-such-page").statusCode()).isEqualTo(403);
        tenants.resume(tenant.slug());
        assertThat(https.get(host, "/").statusCode()).isEqualTo(200);
    }

    @Test
    void aReadOnlyTenantsPeopleSignInAndReadButChangeNothingUntilResumed() {
        Api api = Api.newTenant(https, tenants, accounts, "notice");
        String admin = api.signInAsAdmin();
        tenants.makeReadOnly(api.tenant().slug());

        assertThat(api.signInAsAdmin()).isNotBlank();
        assertThat(api.get("/api/v1/me", admin).statusCode()).isEqualTo(200);
        HttpResponse<String> refused = api.post("/api/v1/teams", Api.json("name", "Riverside"), admin);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("read-only until it closes");
        assertThat(api.auditActions()).doesNotContain("team.created");

        tenants.resume(api.tenant().slug());
        assertThat(api.post("/api/v1/teams", Api.json("name", "Riverside"), admin)
                        .statusCode())
                .isBetween(200, 299);
    }

    @Test
    void healthAnswersOnAnyHostWithNoDetails() {
        HttpResponse<String> health = https.get("localhost", "/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");
    }
}
