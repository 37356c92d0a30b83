package org.trackwell.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.trackwell.identity.Accounts;
import org.trackwell.support.Api;
import org.trackwell.support.Https;
import org.trackwell.support.MutableClock;
import org.trackwell.support.TrackwellTest;
import org.trackwell.tenancy.Tenants;
import tools.jackson.databind.JsonNode;

/**
 * The client summary against a record made by hand (below): its figures, the identifying details
 * the service records, its reach (those who may see the clinical record), the PDF, and one audit
 * entry for each reading.
 */
@TrackwellTest
class ClientSummaryIT {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

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
    String carer;
    String otherPractitioner;
    String code;

    /**
     * The service records clients' names. One client of North, Zoë Quill, with an open episode: PHQ-9 scored 27 two weeks ago and 9 an hour ago
     * (reliable recovery); one goal, "Walk to the shop", rated 2 then 6; Sertraline 50 mg regular
     * once a day, its one dose so far given.
     */
    @BeforeEach
    void record() {
        api = Api.newTenant(new Https(port), tenants, accounts, "summary");
        String admin = api.signInAsAdmin();
        String team = api.newTeam(admin, "North");
        String otherTeam = api.newTeam(admin, "South");
        practitionerEmail = api.newUserInTeam(admin, "Pat Practitioner", team, "PRACTITIONER");
        String carerEmail = api.newUserInTeam(admin, "Cas Carer", team, "CARER");
        String otherEmail = api.newUserInTeam(admin, "Oli Other", otherTeam, "PRACTITIONER");
        practitioner = api.signIn(practitionerEmail, Api.GOOD_PASSWORD);
        ok(api.put(
                "/api/v1/client-settings",
                Api.json(Map.of("identifiers", List.of("NAME"), "demographics", List.of())),
                admin));
        code = Api.read(ok(api.post(
                        "/api/v1/clients",
                        Api.json(Map.of("teamId", team, "identifiers", Map.of("name", "Zoë Quill"))),
                        practitioner)))
                .get("code")
                .asString();
        Instant now = clock.instant();
        ok(api.post(
                of("/episodes"),
                Api.json(Map.of(
                        "referredOn",
                        LocalDate.ofInstant(now, LONDON).minusDays(30).toString())),
                practitioner));
        String goal = Api.read(ok(api.post(
                        of("/goals"), Api.json(Map.of("kind", "GOAL", "wording", "Walk to the shop")), practitioner)))
                .get("id")
                .asString();
        scoredSession(now.minus(Duration.ofDays(14)), 3, goal, 2);
        scoredSession(now.minus(Duration.ofHours(1)), 1, goal, 6);

        String medicine = Api.read(ok(api.post(
                        "/api/v1/medicines",
                        Api.json(Map.of("name", "Sertraline", "form", "tablet", "strength", "50 mg", "route", "oral")),
                        admin)))
                .get("id")
                .asString();
        Instant due = ZonedDateTime.ofInstant(now.plus(Duration.ofHours(2)), LONDON)
                .truncatedTo(ChronoUnit.MINUTES)
                .toInstant();
        Map<String, Object> prescription = new HashMap<>();
        prescription.put("medicineId", medicine);
        prescription.put("dose", "1");
        prescription.put("unit", "tablets");
        prescription.put(
                "startsOn", LocalDate.ofInstant(now, LONDON).minusDays(1).toString());
        prescription.put("prescriber", "Dr A Example");
        prescription.put("kind", "REGULAR");
        prescription.put(
                "schedule",
                Map.of(
                        "kind",
                        "TIMES_OF_DAY",
                        "times",
                        List.of(due.atZone(LONDON).toLocalTime().toString())));
        String prescribed = Api.read(ok(api.post(of("/prescriptions"), Api.json(prescription), practitioner)))
                .get("id")
                .asString();
        clock.advance(Duration.ofHours(2));
        practitioner = api.signIn(practitionerEmail, Api.GOOD_PASSWORD);
        carer = api.signIn(carerEmail, Api.GOOD_PASSWORD);
        otherPractitioner = api.signIn(otherEmail, Api.GOOD_PASSWORD);
        ok(api.post(
                of("/doses"),
                Api.json(Map.of(
                        "prescriptionId",
                        prescribed,
                        "dueAt",
                        due.toString(),
                        "outcome",
                        "GIVEN",
                        "personConfirmed",
                        true)),
                carer));
    }

    @Test
    void bringsTogetherScoresGoalsAndMedication() {
        JsonNode summary = Api.read(ok(api.get(of("/summary"), practitioner)));
        assertThat(summary.get("code").asString()).isEqualTo(code);
        assertThat(summary.get("identifiers").get("Name").asString()).isEqualTo("Zoë Quill");
        JsonNode episode = summary.get("episodes").get(0);
        JsonNode phq9 = episode.get("scores").get("measures").get(0);
        assertThat(List.of(
                        phq9.get("measure").asString(),
                        phq9.get("first").asString(),
                        phq9.get("latest").asString(),
                        phq9.get("change").asString()))
                .containsExactly("Patient Health Questionnaire (PHQ-9)", "27.0", "9.0", "Reliable recovery");
        JsonNode goal = summary.get("goals").get(0);
        assertThat(List.of(
                        goal.get("wording").asString(),
                        goal.get("first").asString(),
                        goal.get("latest").asString()))
                .containsExactly("Walk to the shop", "2", "6");
        JsonNode medicine = summary.get("medication").get(0);
        assertThat(medicine.get("prescribed").get("medicine").asString()).isEqualTo("Sertraline 50 mg tablet");
        assertThat(medicine.get("adherence").asString()).isEqualTo("1 of 1 given (100%)");
    }

    @Test
    void printsTheSameAsAPdfAndRecordsEachReadingOnce() throws Exception {
        HttpResponse<String> page = api.https()
                .get(api.host(), "/clients/" + code + "/summary", "Cookie", "__Host-trackwell-session=" + practitioner);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Zoë Quill", "Reliable recovery", "Walk to the shop", "1 of 1 given (100%)");
        assertThat(Collections.frequency(api.auditActions(), "client.summary-viewed"))
                .isEqualTo(1);

        HttpResponse<byte[]> pdf = api.https()
                .sendForBytes(api.https()
                        .request(
                                api.host(),
                                "/clients/" + code + "/summary.pdf",
                                "Cookie",
                                "__Host-trackwell-session=" + practitioner)
                        .GET()
                        .build());
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text)
                    .contains(
                            "Client summary: " + code,
                            "Name: Zoë Quill",
                            "(PHQ-9): first 27 on",
                            "Reliable recovery",
                            "Walk to the shop",
                            "First rated 2 of 10, latest 6 of 10",
                            "Sertraline 50 mg tablet",
                            "1 of 1 given (100%)");
        }
        assertThat(Collections.frequency(api.auditActions(), "client.summary-printed"))
                .isEqualTo(1);
        assertThat(Collections.frequency(api.auditActions(), "client.summary-viewed"))
                .isEqualTo(1);
    }

    @Test
    void isOnlyForThoseWhoMaySeeTheClinicalRecord() {
        assertThat(api.get(of("/summary"), carer).statusCode()).isEqualTo(404);
        assertThat(api.get(of("/summary"), otherPractitioner).statusCode()).isEqualTo(404);
        HttpResponse<String> page = api.https()
                .get(
                        api.host(),
                        "/clients/" + code + "/summary",
                        "Cookie",
                        "__Host-trackwell-session=" + otherPractitioner);
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(api.auditActions()).doesNotContain("client.summary-viewed");
    }

    private void scoredSession(Instant startsAt, int everyAnswer, String goal, int rating) {
        Map<String, Object> body = new HashMap<>();
        body.put("startsAt", startsAt.truncatedTo(ChronoUnit.SECONDS).toString());
        body.put("type", "TREATMENT");
        body.put("mode", "FACE_TO_FACE");
        body.put("attendance", "ATTENDED");
        String session = Api.read(ok(api.post(of("/sessions"), Api.json(body), practitioner)))
                .get("id")
                .asString();
        Map<String, Integer> answers = new LinkedHashMap<>();
        for (int item = 1; item <= 9; item++) {
            answers.put(Integer.toString(item), everyAnswer);
        }
        ok(api.post(
                of("/sessions/" + session + "/measures"),
                Api.json(Map.of("measure", "PHQ-9", "answers", answers)),
                practitioner));
        assertThat(api.post(
                                of("/sessions/" + session + "/goal-ratings"),
                                Api.json(Map.of("ratings", Map.of(goal, rating))),
                                practitioner)
                        .statusCode())
                .isEqualTo(204);
    }

    private String of(String path) {
        return "/api/v1/clients/" + code + path;
    }

    private static HttpResponse<String> ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return response;
    }
}
