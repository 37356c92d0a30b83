package org.trackwell.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.trackwell.identity.Accounts;
import org.trackwell.support.Api;
import org.trackwell.support.Https;
import org.trackwell.support.PageSession;
import org.trackwell.support.TrackwellTest;
import org.trackwell.tenancy.Tenants;
import tools.jackson.databind.JsonNode;

/**
 * Input an outside test found crashing or silently changed: each is refused with 400, a message
 * that names the field and says why, and nothing stored.
 */
@TrackwellTest
class BadInputIT {

    @LocalServerPort
    int port;

    @Autowired
    Tenants tenants;

    @Autowired
    Accounts accounts;

    Api api;
    String admin;
    String team;
    String managerEmail;
    String manager;
    String code;

    @BeforeEach
    void service() {
        api = Api.newTenant(new Https(port), tenants, accounts, "badinput");
        admin = api.signInAsAdmin();
        team = api.newTeam(admin, "Harbour House");
        managerEmail = api.newUserInTeam(admin, "Mo Manager", team, "MANAGER");
        manager = api.signIn(managerEmail, Api.GOOD_PASSWORD);
        code = Api.read(api.post("/api/v1/clients", Api.json(Map.of("teamId", team)), manager))
                .get("code")
                .asString();
    }

    @Test
    void aNulByteOrControlCharacterIsRefusedWhereverItIsSent() {
        assertRefused(newClient("\"reference\":\"a\\u0000b\""), "reference", "control character (U+0000)");
        assertRefused(newClient("\"reference\":\"bell\\u0007\""), "reference", "control character (U+0007)");
        assertRefused(
                api.post(
                        "/api/v1/medicines",
                        "{\"name\":\"Calm\\u0000\",\"form\":\"tablet\",\"strength\":\"5 mg\",\"route\":\"oral\"}",
                        admin),
                "name",
                "control character");
        assertRefused(
                api.post("/api/v1/clients/" + code + "/notes", "{\"text\":\"slept \\u0000 well\"}", manager),
                "text",
                "control character");
        assertRefused(api.get("/api/v1/clients/search?reference=%00", manager), "reference", "control character");
        assertThat(caseloadSize()).as("nothing was stored").isEqualTo(1);
        assertThat(api.get("/api/v1/medicines", admin).body()).doesNotContain("Calm");
    }

    @Test
    void directionOverridesAreRefusedAndLineBreaksOnlyInFreeText() {
        assertRefused(newClient("\"reference\":\"invoice\\u202Efdp.exe\""), "reference", "text-direction");
        assertRefused(newClient("\"reference\":\"two\\nlines\""), "reference", "single line");
        assertRefused(
                api.post("/api/v1/clients/" + code + "/notes", "{\"text\":\"quiet \\u2066week\"}", manager),
                "text",
                "text-direction");
        assertThat(api.post(
                                "/api/v1/clients/" + code + "/notes",
                                "{\"text\":\"Slept better.\\n\\tAte well.\"}",
                                manager)
                        .statusCode())
                .as("free text keeps its lines and tabs")
                .isEqualTo(204);
        assertThat(caseloadSize()).isEqualTo(1);
    }

    @Test
    void aValueOfTheWrongKindIsRefusedNotConverted() {
        assertRefused(newClient("\"reference\":12345"), "reference", "must be text");
        assertRefused(newClient("\"demographics\":{\"YEAR_OF_BIRTH\":1990.5}"), null, "year of birth must be a year");
        assertRefused(newClient("\"demographics\":{\"GENDER\":7}"), null, "gender must be text");
        assertRefused(newClient("\"acknowledgeIdentifying\":\"yes\""), "acknowledgeIdentifying", "true or false");
        assertRefused(newClient("\"refrence\":\"typo\""), "refrence", "not a field of this request");
        assertRefused(
                api.put(
                        "/api/v1/client-settings",
                        "{\"identifiers\":[],\"demographics\":[],\"openCaseCap\":\"20\"}",
                        admin),
                "openCaseCap",
                "whole number");
        assertRefused(
                api.put(
                        "/api/v1/client-settings",
                        "{\"identifiers\":[],\"demographics\":[],\"openCaseCap\":2.5}",
                        admin),
                "openCaseCap",
                "whole number");
        assertRefused(api.post("/api/v1/clients/" + code + "/risk", "{\"level\":1}", manager), "level", "one of NONE");
        assertRefused(api.get("/api/v1/medication/round?team=nope", manager), "team", "an id");
        assertThat(caseloadSize()).isEqualTo(1);
    }

    @Test
    void datesOutsideAnyRecordsSpanAreRefused() {
        assertRefused(
                api.post(
                        "/api/v1/clients/" + code + "/risk",
                        "{\"level\":\"LOW\",\"assessedOn\":\"+999999999-01-01\"}",
                        manager),
                "assessedOn",
                "between the years 1900 and 2200");
        assertRefused(
                api.post(
                        "/api/v1/clients/" + code + "/risk",
                        "{\"level\":\"LOW\",\"assessedOn\":\"2199-01-01\"}",
                        manager),
                null,
                "assessment date cannot be in the future");
        assertRefused(
                api.post("/api/v1/clients/" + code + "/episodes", "{\"referredOn\":\"0001-01-01\"}", manager),
                "referredOn",
                "between the years 1900 and 2200");
        assertRefused(api.get("/api/v1/clients/" + code + "/mar?month=0000-01", manager), "month", "1900 and 2200");
        assertRefused(
                api.get(
                        "/api/v1/clients/" + code + "/doses?from=-1000000000-01-01T00:00:00Z&to=2026-01-01T00:00:00Z",
                        manager),
                "from",
                "between the years 1900 and 2200");
        assertThat(Api.read(api.get("/api/v1/clients/" + code + "/risk", manager)))
                .as("no risk entry was stored")
                .isEmpty();
        assertThat(Api.read(api.get("/api/v1/clients/" + code + "/episodes", manager)))
                .isEmpty();
    }

    @Test
    void pagesOutOfRangeAreRefusedNotClamped() {
        assertRefused(api.get("/api/v1/clients?page=-1", manager), "page", "greater than or equal to 0");
        assertRefused(api.get("/api/v1/clients?page=99999999999", manager), "page", "whole number");
        assertRefused(api.get("/api/v1/audit/events?size=0", admin), "size", "greater than or equal to 1");
        assertRefused(api.get("/api/v1/audit/events?size=5000", admin), "size", "less than or equal to 1000");
        assertRefused(api.get("/api/v1/audit/events?page=-1", admin), "page", "greater than or equal to 0");
    }

    @Test
    void theSameTeamTwiceIsRefusedAndMembershipIsUnchanged() {
        String other = api.newTeam(admin, "Quay House");
        String user = userId(managerEmail);
        assertRefused(
                api.put("/api/v1/users/" + user + "/teams", "{\"teams\":[\"" + other + "\",\"" + other + "\"]}", admin),
                null,
                "Each team can be named only once");
        JsonNode teams = Api.read(api.get("/api/v1/users/" + user, admin)).get("teams");
        assertThat(teams).hasSize(1);
        assertThat(teams.get(0).get("id").asString()).isEqualTo(team);
    }

    @Test
    void aFormWithABadTokenOrBadCharactersGetsAMessageOnThePage() {
        PageSession pages = PageSession.signedIn(api, managerEmail, Api.GOOD_PASSWORD);
        for (String token : new String[] {"", "not-a-token", "%%%", "A".repeat(5000)}) {
            HttpResponse<String> forged = pages.post("/clients/" + code + "/notes", "text", "hello", "_csrf", token);
            assertThat(forged.statusCode()).as("token " + token.length()).isEqualTo(400);
            assertThat(forged.body()).contains("Reload the page").contains("class=\"site-header\"");
        }
        HttpResponse<String> control =
                pages.submitFrom("/clients/" + code, "/clients/" + code + "/notes", "text", "bad \u0007 bell");
        assertThat(control.statusCode()).isEqualTo(400);
        assertThat(control.body()).contains("The field &quot;text&quot; contains a control character (U+0007)");
        assertThat(Api.read(api.get("/api/v1/clients/" + code + "/notes", manager)))
                .as("nothing was stored")
                .isEmpty();
    }

    private HttpResponse<String> newClient(String fields) {
        return api.post("/api/v1/clients", "{\"teamId\":\"" + team + "\"," + fields + "}", manager);
    }

    private int caseloadSize() {
        return Api.read(api.get("/api/v1/clients", manager)).get("clients").size();
    }

    private String userId(String email) {
        for (JsonNode user : Api.read(api.get("/api/v1/users", admin))) {
            if (user.get("email").asString().equals(email)) {
                return user.get("id").asString();
            }
        }
        throw new AssertionError("no user " + email);
    }

    private static void assertRefused(HttpResponse<String> response, String field, String why) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json");
        String detail = Api.read(response).get("detail").asString();
        if (field != null) {
            assertThat(detail).contains("\"" + field + "\"");
        }
        assertThat(detail).containsIgnoringCase(why).doesNotContain("Exception").doesNotContain("java.");
    }
}
