package org.trackwell.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.trackwell.support.Api;
import org.trackwell.support.Https;
import org.trackwell.support.MutableClock;
import org.trackwell.support.TrackwellTest;
import org.trackwell.tenancy.Tenants;

/**
 * With the mail server down, an invitation says so and its link is handed over; a lost or expired
 * link is re-issued.
 */
@TrackwellTest
@TestPropertySource(properties = InvitationsWithoutMailIT.MAIL_DOWN)
class InvitationsWithoutMailIT {

    /** Nothing listens on port 1 of the loopback address: every e-mail fails to go. */
    static final String MAIL_DOWN = "trackwell.test.mail-port=1";

    @LocalServerPort
    int port;

    @Autowired
    Tenants tenants;

    @Autowired
    Accounts accounts;

    @Autowired
    MutableClock clock;

    Api api;
    String admin;

    @BeforeEach
    void tenant() {
        api = Api.newTenant(new Https(port), tenants, accounts, "nomail");
        admin = api.signInAsAdmin();
    }

    @Test
    void anInvitationThatCouldNotBeMailedSaysSoAndItsLinkStillWorks() {
        String email = "pat@" + api.tenant().slug() + ".test";
        var invited = invite(email);
        assertThat(invited.statusCode()).isEqualTo(201);
        assertThat(Api.read(invited).get("emailed").asBoolean()).isFalse();
        String link = Api.read(invited).get("setupLink").asString();
        assertThat(api.setup(Api.tokenOf(link), Api.GOOD_PASSWORD).statusCode()).isEqualTo(204);
        assertThat(api.login(email, Api.GOOD_PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void aLostSetUpLinkIsReissuedAndTheOldOneStopsWorking() {
        String email = "sam@" + api.tenant().slug() + ".test";
        var invited = invite(email);
        String id = Api.read(invited).get("id").asString();
        String lost = Api.read(invited).get("setupLink").asString();

        var reissued = api.post("/api/v1/users/" + id + "/invitation", "", admin);
        assertThat(reissued.statusCode()).isEqualTo(200);
        assertThat(Api.read(reissued).get("emailed").asBoolean()).isFalse();
        String fresh = Api.read(reissued).get("setupLink").asString();
        assertThat(fresh).isNotEqualTo(lost);

        assertThat(api.setup(Api.tokenOf(lost), Api.GOOD_PASSWORD).statusCode()).isNotEqualTo(204);
        assertThat(api.setup(Api.tokenOf(fresh), Api.GOOD_PASSWORD).statusCode())
                .isEqualTo(204);
        assertThat(api.auditActions()).contains("user.invitation-reissued");

        var again = api.post("/api/v1/users/" + id + "/invitation", "", admin);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("not yet chosen a password");
    }

    @Test
    void anExpiredSetUpLinkIsReissued() {
        String email = "alex@" + api.tenant().slug() + ".test";
        var invited = invite(email);
        String id = Api.read(invited).get("id").asString();
        String expired = Api.read(invited).get("setupLink").asString();

        clock.advance(Duration.ofHours(73));
        admin = api.signInAsAdmin();

        assertThat(api.setup(Api.tokenOf(expired), Api.GOOD_PASSWORD).statusCode())
                .isNotEqualTo(204);
        var reissued = api.post("/api/v1/users/" + id + "/invitation", "", admin);
        assertThat(reissued.statusCode()).isEqualTo(200);
        assertThat(Api.read(reissued).get("emailed").asBoolean()).isFalse();
        String fresh = Api.read(reissued).get("setupLink").asString();
        assertThat(api.setup(Api.tokenOf(fresh), Api.GOOD_PASSWORD).statusCode())
                .isEqualTo(204);
        assertThat(api.login(email, Api.GOOD_PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void onlyTenantAdminsReissueSetUpLinks() {
        var invited = invite("kim@" + api.tenant().slug() + ".test");
        String id = Api.read(invited).get("id").asString();
        String practitioner = api.signIn(api.newUser(admin, "Lee Practitioner", "PRACTITIONER"), Api.GOOD_PASSWORD);
        assertThat(api.post("/api/v1/users/" + id + "/invitation", "", practitioner)
                        .statusCode())
                .isEqualTo(403);
    }

    private java.net.http.HttpResponse<String> invite(String email) {
        return api.post(
                "/api/v1/users",
                Api.json(Map.of("email", email, "displayName", "New User", "roles", List.of("PRACTITIONER"))),
                admin);
    }
}
