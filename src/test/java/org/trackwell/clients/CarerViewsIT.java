package org.trackwell.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.trackwell.identity.Accounts;
import org.trackwell.support.Api;
import org.trackwell.support.Https;
import org.trackwell.support.PageSession;
import org.trackwell.support.TrackwellTest;
import org.trackwell.tenancy.Tenants;

/** A carer's client list shows what a round needs: no episodes, and no finding by the service's reference. */
@TrackwellTest
class CarerViewsIT {

    @LocalServerPort
    int port;

    @Autowired
    Tenants tenants;

    @Autowired
    Accounts accounts;

    @Test
    void aCarerSeesNoEpisodeColumnAndCannotFindAClientByReference() {
        Api api = Api.newTenant(new Https(port), tenants, accounts, "carerview");
        String admin = api.signInAsAdmin();
        String team = api.newTeam(admin, "Hazel House");
        String managerEmail = api.newUserInTeam(admin, "Mo Manager", team, "MANAGER");
        String manager = api.signIn(managerEmail, Api.GOOD_PASSWORD);
        String carerEmail = api.newUserInTeam(admin, "Cas Carer", team, "CARER");
        String code = Api.read(api.post(
                        "/api/v1/clients", Api.json(Map.of("teamId", team, "reference", "HH-2026-4")), manager))
                .get("code")
                .asString();

        PageSession carer = PageSession.signedIn(api, carerEmail, Api.GOOD_PASSWORD);
        String list = carer.get("/clients").body();
        assertThat(list).contains(code, "Find a client by code").doesNotContain(">Episode<", "your reference");
        HttpResponse<String> byReference = carer.get("/clients/find?q=HH-2026-4");
        assertThat(byReference.statusCode()).isEqualTo(200);
        assertThat(byReference.body()).doesNotContain(code);
        assertThat(carer.get("/clients/find?q=" + code).statusCode())
                .as("by code, as on the round")
                .isEqualTo(302);

        PageSession managerPage = PageSession.signedIn(api, managerEmail, Api.GOOD_PASSWORD);
        assertThat(managerPage.get("/clients").body()).contains(">Episode<", "your reference");
        assertThat(managerPage.get("/clients/find?q=HH-2026-4").headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/clients/" + code));
    }
}
