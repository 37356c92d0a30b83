package org.trackwell.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.trackwell.identity.Accounts;
import org.trackwell.support.Api;
import org.trackwell.support.Https;
import org.trackwell.support.MutableClock;
import org.trackwell.support.PageSession;
import org.trackwell.support.TrackwellTest;
import org.trackwell.tenancy.Tenants;

/** Each service sets its PCL-5 cut-off for probable PTSD within the published 31 to 33. */
@TrackwellTest
class Pcl5CutOffIT {

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
    TherapyRecords records;

    @BeforeEach
    void service() {
        api = Api.newTenant(new Https(port), tenants, accounts, "pcl5");
        admin = api.signInAsAdmin();
        String team = api.newTeam(admin, "Trauma Service");
        String practitioner =
                api.signIn(api.newUserInTeam(admin, "Pat Practitioner", team, "PRACTITIONER"), Api.GOOD_PASSWORD);
        records = new TherapyRecords(api, team, practitioner, clock);
    }

    @Test
    void theApiSetsTheCutOffWithinThePublishedRangeAndScoresByIt() {
        assertThat(settings().get("pcl5CutOff")).isEqualTo(33);
        for (int outside : new int[] {30, 34}) {
            HttpResponse<String> refused = changeCutOff(outside);
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
            assertThat(refused.body()).contains("31 and 33");
        }
        HttpResponse<String> changed = changeCutOff(31);
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(settings().get("pcl5CutOff")).isEqualTo(31);
        assertThat(Api.read(api.get("/api/v1/measures/PCL-5", admin))
                        .get("caseness")
                        .get("atOrAbove")
                        .asDouble())
                .isEqualTo(31.0);

        assertThat(api.put("/api/v1/measures/PCL-5/enabled", Api.json(Map.of("enabled", true)), admin)
                        .statusCode())
                .isEqualTo(204);
        String code = records.client();
        records.openEpisode(code, 30);
        String session = records.attendedSession(code, 1);
        HttpResponse<String> answered = records.answer(code, session, "PCL-5", TherapyRecords.totalling("PCL-5", 32));
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(201);
        assertThat(Api.read(answered).get("isCase").asBoolean())
                .as("32 is at or above the service's 31")
                .isTrue();
    }

    @Test
    void theSettingsPageSetsTheCutOff() {
        PageSession pages = PageSession.signedIn(api, api.adminEmail(), Api.GOOD_PASSWORD);
        assertThat(pages.get("/admin/measures").body()).contains("name=\"pcl5CutOff\"", "National Center for PTSD");

        pages.submitFrom("/admin/measures", "/admin/measures/settings", settingsForm("32"));
        assertThat(pages.get("/admin/measures").body()).contains("Settings saved.");
        assertThat(settings().get("pcl5CutOff")).isEqualTo(32);

        pages.submitFrom("/admin/measures", "/admin/measures/settings", settingsForm("35"));
        assertThat(pages.get("/admin/measures").body()).contains("31 and 33");
        assertThat(settings().get("pcl5CutOff")).isEqualTo(32);
    }

    private static String[] settingsForm(String cutOff) {
        return new String[] {
            "commercial", "true",
            "primaryMeasure", "PHQ-9",
            "notSeenWarningDays", "15",
            "notSeenAlertDays", "30",
            "maxGoals", "3",
            "linkValidityDays", "7",
            "chartLinkValidityDays", "30",
            "pcl5CutOff", cutOff
        };
    }

    private Map<String, Object> settings() {
        Map<String, Object> found = new HashMap<>();
        Api.read(api.get("/api/v1/outcome-settings", admin))
                .properties()
                .forEach(field -> found.put(
                        field.getKey(),
                        field.getValue().isInt() ? field.getValue().asInt() : field.getValue()));
        return found;
    }

    private HttpResponse<String> changeCutOff(int cutOff) {
        Map<String, Object> body = new HashMap<>();
        body.put("commercial", true);
        body.put("primaryMeasure", "PHQ-9");
        body.put("notSeenWarningDays", 15);
        body.put("notSeenAlertDays", 30);
        body.put("maxGoals", 3);
        body.put("linkValidityDays", 7);
        body.put("chartLinkValidityDays", 30);
        body.put("pcl5CutOff", cutOff);
        return api.put("/api/v1/outcome-settings", Api.json(body), admin);
    }
}
