package org.trackwell.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
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
import tools.jackson.databind.JsonNode;

/**
 * An answer is a whole number among the item's options, and an answer set meets its measure's rule
 * for missing items, on every path: the API, the session page, and a client's link (API and page).
 * A partly answered questionnaire on the session page is kept as a draft, not lost.
 */
@TrackwellTest
class AnswerSetsIT {

    @LocalServerPort
    int port;

    @Autowired
    Tenants tenants;

    @Autowired
    Accounts accounts;

    @Autowired
    MutableClock clock;

    Api api;
    String practitionerEmail;
    String practitioner;
    TherapyRecords records;

    @BeforeEach
    void service() {
        api = Api.newTenant(new Https(port), tenants, accounts, "answers");
        String admin = api.signInAsAdmin();
        String team = api.newTeam(admin, "Talking Therapies South");
        practitionerEmail = api.newUserInTeam(admin, "Pat Practitioner", team, "PRACTITIONER");
        practitioner = api.signIn(practitionerEmail, Api.GOOD_PASSWORD);
        records = new TherapyRecords(api, team, practitioner, clock);
    }

    @Test
    void anAnswerSetBelowTheMissingItemRuleIsRefusedAndLeavesRoomForTheRealOne() {
        String code = records.client();
        records.openEpisode(code, 30);
        String session = records.attendedSession(code, 1);

        HttpResponse<String> empty = records.answer(code, session, "PHQ-9", Map.of());
        assertThat(empty.statusCode()).as(empty.body()).isEqualTo(400);
        assertThat(Api.read(empty).get("detail").asString()).contains("9 items are unanswered", "at most 1");
        Map<String, Integer> twoMissing = new LinkedHashMap<>(TherapyRecords.totalling("PHQ-9", 7));
        twoMissing.remove("8");
        twoMissing.remove("9");
        assertThat(records.answer(code, session, "PHQ-9", twoMissing).statusCode())
                .isEqualTo(400);
        assertThat(measuresAt(code)).as("nothing stored").isEmpty();

        Map<String, Integer> oneMissing = new LinkedHashMap<>(TherapyRecords.totalling("PHQ-9", 8));
        oneMissing.remove("9");
        HttpResponse<String> real = records.answer(code, session, "PHQ-9", oneMissing);
        assertThat(real.statusCode())
                .as("one missing item is within PHQ-9's rule: prorated, " + real.body())
                .isEqualTo(201);
        assertThat(Api.read(real).get("total").asDouble()).isEqualTo(9.0);
    }

    @Test
    void aClientLinkWithAQuestionnaireLeftOutIsRefusedAndStaysUsable() {
        String code = records.client();
        records.openEpisode(code, 30);
        String session = records.attendedSession(code, 1);
        String token = linkFor(code, session);

        HttpResponse<String> gadOnly = submitLink(token, Map.of("GAD-7", TherapyRecords.totalling("GAD-7", 6)));
        assertThat(gadOnly.statusCode()).as(gadOnly.body()).isEqualTo(400);
        assertThat(Api.read(gadOnly).get("detail").asString()).contains("PHQ-9");
        assertThat(measuresAt(code)).isEmpty();

        HttpResponse<String> both = submitLink(
                token,
                Map.of(
                        "PHQ-9", TherapyRecords.totalling("PHQ-9", 5),
                        "GAD-7", TherapyRecords.totalling("GAD-7", 6)));
        assertThat(both.statusCode()).as(both.body()).isEqualTo(204);
        assertThat(measuresAt(code)).hasSize(2);
    }

    @Test
    void fractionalAndOtherNonWholeAnswersAreRefusedOnEveryPath() {
        String code = records.client();
        records.openEpisode(code, 30);
        String session = records.attendedSession(code, 1);
        String token = linkFor(code, session);
        Map<String, Object> withAFraction = new LinkedHashMap<>(TherapyRecords.totalling("PHQ-9", 9));
        withAFraction.put("1", 2.5);

        assertThat(records.answer(code, session, "PHQ-9", withAFraction).statusCode())
                .as("the API")
                .isEqualTo(400);
        assertThat(submitLink(token, Map.of("PHQ-9", withAFraction, "GAD-7", TherapyRecords.totalling("GAD-7", 6)))
                        .statusCode())
                .as("a client link through the API")
                .isEqualTo(400);

        PageSession pages = PageSession.signedIn(api, practitionerEmail, Api.GOOD_PASSWORD);
        String sessionPage = "/clients/" + code + "/sessions/" + session;
        for (String notWhole : List.of("2.5", "2,5", "٢", "2e0", "+2", "1½")) {
            pages.submitFrom(sessionPage, sessionPage + "/measures/PHQ-9", phq9Form("item.", notWhole));
            assertThat(pages.get(sessionPage).body())
                    .as("the session page, answer %s", notWhole)
                    .contains("id=\"session-error\"");
        }
        PageSession clientsDevice = new PageSession(api.https(), api.host());
        List<String> linkForm = new ArrayList<>(List.of(phq9Form("m.PHQ-9.", "2.5")));
        TherapyRecords.totalling("GAD-7", 6).forEach((item, score) -> {
            linkForm.add("m.GAD-7." + item);
            linkForm.add(Integer.toString(score));
        });
        HttpResponse<String> linkPage = clientsDevice.submit("/c/" + token, linkForm.toArray(String[]::new));
        assertThat(linkPage.statusCode()).as("a client link's page").isEqualTo(400);

        assertThat(measuresAt(code)).as("nothing stored").isEmpty();
        assertThat(api.get("/api/v1/client-links/" + token, null).statusCode())
                .as("the link is still usable")
                .isEqualTo(200);
    }

    @Test
    void aPartlyAnsweredQuestionnaireIsKeptAsADraftForTheSession() {
        String code = records.client();
        records.openEpisode(code, 30);
        String session = records.attendedSession(code, 1);
        String sessionPage = "/clients/" + code + "/sessions/" + session;
        PageSession pages = PageSession.signedIn(api, practitionerEmail, Api.GOOD_PASSWORD);

        pages.submitFrom(
                sessionPage,
                sessionPage + "/measures/PHQ-9",
                "item.1",
                "2",
                "item.2",
                "1",
                "item.3",
                "3",
                "item.4",
                "0",
                "item.5",
                "1");
        String refused = pages.get(sessionPage).body();
        assertThat(refused).contains("4 items are unanswered", "kept as a draft");
        assertThat(measuresAt(code)).isEmpty();

        String later = pages.get(sessionPage).body();
        for (String[] kept : new String[][] {{"1", "2"}, {"2", "1"}, {"3", "3"}, {"4", "0"}, {"5", "1"}}) {
            assertThat(later).as("item %s", kept[0]).containsPattern(checked("item.", kept[0], kept[1]));
        }
        assertThat(later).doesNotContainPattern(Pattern.compile("name=\"item\\.6\"[^>]*checked"));

        pages.submitFrom(
                sessionPage,
                sessionPage + "/measures/PHQ-9",
                "item.1",
                "2",
                "item.2",
                "1",
                "item.3",
                "3",
                "item.4",
                "0",
                "item.5",
                "1",
                "item.6",
                "1",
                "item.7",
                "0",
                "item.8",
                "0",
                "item.9",
                "0");
        String recorded = pages.get(sessionPage).body();
        assertThat(recorded).contains("PHQ-9 recorded: 8").doesNotContain("form-PHQ-9");
        assertThat(measuresAt(code)).hasSize(1);
        assertThat(api.auditActions()).contains("measure.draft-kept");
    }

    @Test
    void aClientsPartAnswersStayOnTheirPageWhenRefused() {
        String code = records.client();
        records.openEpisode(code, 30);
        String session = records.attendedSession(code, 1);
        String token = linkFor(code, session);

        PageSession clientsDevice = new PageSession(api.https(), api.host());
        HttpResponse<String> refused =
                clientsDevice.submit("/c/" + token, "m.PHQ-9.1", "3", "m.PHQ-9.2", "2", "m.GAD-7.1", "1");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body())
                .containsPattern(checked("m.PHQ-9.", "1", "3"))
                .containsPattern(checked("m.PHQ-9.", "2", "2"))
                .containsPattern(checked("m.GAD-7.", "1", "1"));
        assertThat(measuresAt(code)).isEmpty();
    }

    private static Pattern checked(String prefix, String item, String value) {
        return Pattern.compile("name=\"" + Pattern.quote(prefix + item) + "\" value=\"" + value + "\"[^>]*checked");
    }

    /** A complete PHQ-9 form whose first answer is {@code first}, the rest 1. */
    private static String[] phq9Form(String prefix, String first) {
        List<String> fields = new ArrayList<>(List.of(prefix + "1", first));
        for (int item = 2; item <= 9; item++) {
            fields.add(prefix + item);
            fields.add("1");
        }
        return fields.toArray(String[]::new);
    }

    private JsonNode measuresAt(String code) {
        return Api.read(api.get("/api/v1/clients/" + code + "/sessions", practitioner))
                .get(0)
                .get("measures");
    }

    private String linkFor(String code, String session) {
        HttpResponse<String> link = api.post(
                "/api/v1/clients/" + code + "/sessions/" + session + "/links",
                Api.json(Map.of("measures", List.of("PHQ-9", "GAD-7"))),
                practitioner);
        assertThat(link.statusCode()).as(link.body()).isEqualTo(201);
        String url = Api.read(link).get("url").asString();
        return url.substring(url.indexOf("/c/") + 3);
    }

    private HttpResponse<String> submitLink(String token, Map<String, ?> answers) {
        return api.post("/api/v1/client-links/" + token, Api.json(Map.of("answers", answers)), null);
    }
}
