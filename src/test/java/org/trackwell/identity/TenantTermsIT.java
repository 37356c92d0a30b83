package org.trackwell.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.trackwell.support.Api;
import org.trackwell.support.Https;
import org.trackwell.support.PageSession;
import org.trackwell.support.TrackwellTest;
import org.trackwell.tenancy.Tenants;

/** A tenant's own terms of use: Trackwell's default to start with, then versions its admins publish. */
@TrackwellTest
@TestPropertySource(properties = TenantTermsIT.DEFAULT_TERMS)
class TenantTermsIT {

    /** As in production: a new tenant starts with Trackwell's default terms. */
    static final String DEFAULT_TERMS = "trackwell.identity.default-terms=true";

    @LocalServerPort
    int port;

    @Autowired
    Tenants tenants;

    @Autowired
    Accounts accounts;

    @Test
    void aNewTenantsUsersAcceptTheDefaultTermsBeforeAnythingElse() {
        Api api = Api.newTenant(new Https(port), tenants, accounts, "defaultterms");
        String admin = api.signInAsAdmin();

        var blocked = api.get("/api/v1/me", admin);
        assertThat(blocked.statusCode()).isEqualTo(403);
        assertThat(blocked.body()).contains("terms of use");
        var terms = Api.read(api.get("/api/v1/me/terms", admin));
        assertThat(terms.get("version").asString()).isEqualTo("service-1");
        assertThat(terms.get("text").asString())
                .contains("Your account is yours alone")
                .contains("identifying details out of free text")
                .contains("Report suspected misuse");
        assertThat(api.post("/api/v1/me/terms", Api.json("version", "service-2"), admin)
                        .statusCode())
                .isEqualTo(409);
        assertThat(api.post("/api/v1/me/terms", Api.json("version", "service-1"), admin)
                        .statusCode())
                .isEqualTo(204);
        assertThat(api.get("/api/v1/me", admin).statusCode()).isEqualTo(200);
        assertThat(api.auditActions()).contains("terms.accepted");
    }

    @Test
    void anAdminPublishesANewVersionWhichEveryOtherUserAcceptsAtTheirNextRequest() {
        Api api = Api.newTenant(new Https(port), tenants, accounts, "ownterms");
        String admin = api.signInAsAdmin();
        api.post("/api/v1/me/terms", Api.json("version", "service-1"), admin);
        String carerEmail = api.newUser(admin, "Cas Carer", "CARER");
        String carer = api.signIn(carerEmail, Api.GOOD_PASSWORD);
        api.post("/api/v1/me/terms", Api.json("version", "service-1"), carer);
        assertThat(api.get("/api/v1/me", carer).statusCode()).isEqualTo(200);

        PageSession page = PageSession.signedIn(api, api.adminEmail(), Api.GOOD_PASSWORD);
        assertThat(page.get("/admin/settings/terms").body())
                .contains("Your account is yours alone")
                .contains("Trackwell&#39;s default terms");
        assertThat(page.submit("/admin/settings/terms", "text", "   ").statusCode())
                .isEqualTo(302);
        assertThat(page.get("/admin/settings/terms").body())
                .contains("The terms need some text")
                .contains("Nothing was changed");
        assertThat(api.get("/api/v1/me", carer).statusCode()).isEqualTo(200);

        assertThat(page.submit("/admin/settings/terms", "text", "Use Trackwell only for Northside's clients.")
                        .statusCode())
                .isEqualTo(302);
        assertThat(page.get("/admin/settings/terms").body()).contains("Version 2 is published");
        assertThat(api.get("/api/v1/me", admin).statusCode()).isEqualTo(200);
        assertThat(api.get("/api/v1/me", carer).statusCode()).isEqualTo(403);
        var terms = Api.read(api.get("/api/v1/me/terms", carer));
        assertThat(terms.get("version").asString()).isEqualTo("service-2");
        assertThat(terms.get("text").asString()).contains("Northside");
        assertThat(api.post("/api/v1/me/terms", Api.json("version", "service-2"), carer)
                        .statusCode())
                .isEqualTo(204);
        assertThat(api.get("/api/v1/me", carer).statusCode()).isEqualTo(200);

        assertThat(page.submit("/admin/settings/terms", "text", "Use Trackwell only for Northside's clients.")
                        .statusCode())
                .isEqualTo(302);
        assertThat(page.get("/admin/settings/terms").body()).contains("nothing new to publish");
        assertThat(page.get("/admin/settings/changes").body())
                .contains("Terms of use: version")
                .contains("Administrator");
        assertThat(api.auditActions()).contains("terms.published", "setting.changed");
    }

    @Test
    void onlyTenantAdminsPublishTerms() {
        Api api = Api.newTenant(new Https(port), tenants, accounts, "termsadmin");
        String admin = api.signInAsAdmin();
        api.post("/api/v1/me/terms", Api.json("version", "service-1"), admin);
        String email = api.newUser(admin, "Pip Practitioner", "PRACTITIONER");
        String practitioner = api.signIn(email, Api.GOOD_PASSWORD);
        api.post("/api/v1/me/terms", Api.json("version", "service-1"), practitioner);
        PageSession page = PageSession.signedIn(api, email, Api.GOOD_PASSWORD);
        assertThat(page.get("/admin/settings/terms").statusCode()).isEqualTo(403);
    }
}
