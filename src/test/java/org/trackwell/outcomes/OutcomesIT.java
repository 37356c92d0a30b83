package org.trackwell.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.trackwell.database.TenantTransactions;
import org.trackwell.identity.Accounts;
import org.trackwell.outcomes.internal.ScheduledLinks;
import org.trackwell.support.Api;
import org.trackwell.support.Https;
import org.trackwell.support.MutableClock;
import org.trackwell.support.PageSession;
import org.trackwell.support.TestMail;
import org.trackwell.support.TrackwellTest;
import org.trackwell.tenancy.Tenants;
import tools.jackson.databind.JsonNode;

/** Sessions, scores, progress, goals and client links from the outside. */
@TrackwellTest
class OutcomesIT {

    @LocalServerPort
    int port;

    @Autowired
    Tenants tenants;

    @Autowired
    Accounts accounts;

    @Autowired
    MutableClock clock;

    @Autowired
    ScheduledLinks scheduledLinks;

    @Autowired
    TenantTransactions transactions;

    Api api;
    String admin;
    String team;
    String practitioner;
    String otherPractitioner;
    String carer;

    @BeforeEach
    void service() {
        api = Api.newTenant(new Https(port), tenants, accounts, "outcomes");
        admin = api.signInAsAdmin();
        team = api.newTeam(admin, "Talking Therapies East");
        practitioner =
                api.signIn(api.newUserInTeam(admin, "Pat Practitioner", team, "PRACTITIONER"), Api.GOOD_PASSWORD);
        otherPractitioner = api.signIn(api.newUserInTeam(admin, "Olu Other", team, "PRACTITIONER"), Api.GOOD_PASSWORD);
        carer = api.signIn(api.newUserInTeam(admin, "Cas Carer", team, "CARER"), Api.GOOD_PASSWORD);
    }

    @Test
    void recordsASessionAndScoresEachMeasureOnce() {
        String code = clientWithOpenEpisode();
        String session = session(code, clock.instant().minus(Duration.ofHours(1)), "ATTENDED");
        JsonNode created = Api.read(api.get("/api/v1/clients/" + code + "/sessions", practitioner))
                .get(0);
        assertThat(created.get("plannedMeasures").toString()).contains("PHQ-9", "GAD-7", "SESSION-FEEDBACK");

        HttpResponse<String> phq9 = answer(code, session, "PHQ-9", 2, 2, 2, 1, 1, 1, 1, 1, 0);
        assertThat(phq9.statusCode()).as(phq9.body()).isEqualTo(201);
        assertThat(Api.read(phq9).get("total").asDouble()).isEqualTo(11.0);
        assertThat(Api.read(phq9).get("band").asString()).isEqualTo("Moderate");

        assertThat(answer(code, session, "PHQ-9", 0, 0, 0, 0, 0, 0, 0, 0, 0).statusCode())
                .as("a measure is answered once per session")
                .isEqualTo(409);
        HttpResponse<String> wrong = answer(code, session, "GAD-7", 4, 0, 0, 0, 0, 0, 0);
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(Api.read(wrong).get("detail").asString()).contains("item 1");
        assertThat(answer(code, session, "K10", 1, 1, 1, 1, 1, 1, 1, 1, 1, 1).statusCode())
                .as("a measure the service has not enabled")
                .isEqualTo(400);
        HttpResponse<String> missing = answer(code, session, "GAD-7", 1, 1, null, null, 1, 1, 1);
        assertThat(missing.statusCode()).as("two GAD-7 items missing: refused").isEqualTo(400);
        assertThat(answer(code, session, "GAD-7", 1, 1, null, 1, 1, 1, 1).statusCode())
                .as("one missing: prorated")
                .isEqualTo(201);

        JsonNode sessions = Api.read(api.get("/api/v1/clients/" + code + "/sessions", practitioner));
        assertThat(sessions.get(0).get("measures")).hasSize(2);
        assertThat(api.get("/api/v1/clients/" + code + "/sessions", otherPractitioner)
                        .statusCode())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/clients/" + code + "/sessions", carer).statusCode())
                .as("carers see no clinical record")
                .isEqualTo(404);
        assertThat(api.auditActions()).contains("session.recorded", "measure.answered", "sessions.viewed");
    }

    @Test
    void refusesSessionsWithoutAnOpenEpisodeAndMeasuresForMissedSessions() {
        String code = client();
        HttpResponse<String> noEpisode = api.post(
                "/api/v1/clients/" + code + "/sessions",
                Api.json(Map.of("startsAt", clock.instant().toString(), "type", "ASSESSMENT", "mode", "VIDEO")),
                practitioner);
        assertThat(noEpisode.statusCode()).isEqualTo(409);
        openEpisode(code);
        String missed = session(code, clock.instant().minus(Duration.ofDays(1)), "DID_NOT_ATTEND");
        assertThat(answer(code, missed, "PHQ-9", 0, 0, 0, 0, 0, 0, 0, 0, 0).statusCode())
                .isEqualTo(409);
        HttpResponse<String> future = api.post(
                "/api/v1/clients/" + code + "/sessions",
                Api.json(Map.of(
                        "startsAt", clock.instant().plus(Duration.ofDays(2)).toString(),
                        "type", "TREATMENT",
                        "mode", "VIDEO",
                        "attendance", "ATTENDED")),
                practitioner);
        assertThat(future.statusCode())
                .as("attendance of a session still to come")
                .isEqualTo(409);
    }

    @Test
    void phq9Item9RaisesAFlagOnTheClientsPage() {
        String code = clientWithOpenEpisode();
        String session = session(code, clock.instant().minus(Duration.ofHours(1)), "ATTENDED");
        answer(code, session, "PHQ-9", 1, 1, 1, 1, 1, 1, 1, 1, 2);

        JsonNode flags = Api.read(api.get("/api/v1/clients/" + code + "/flags", practitioner));
        assertThat(flags).hasSize(1);
        assertThat(flags.get(0).get("message").asString()).contains("PHQ-9 item 9");
        assertThat(org.springframework.jdbc.core.simple.JdbcClient.create(
                                org.trackwell.support.TestPostgres.asSuperuser())
                        .sql("select count(*) from event_publication where completion_date is null"
                                + " and serialized_event like :tenant")
                        .param("tenant", "%" + api.tenant().id().value() + "%")
                        .query(Long.class)
                        .single())
                .as("the concern, handled, is no longer waiting")
                .isZero();
        String page = api.https()
                .get(api.host(), "/clients/" + code, "Cookie", "__Host-trackwell-session=" + practitioner)
                .body();
        assertThat(page).contains("PHQ-9 item 9");

        String flag = flags.get(0).get("id").asString();
        assertThat(api.post("/api/v1/clients/" + code + "/flags/" + flag + "/clear", "{}", practitioner)
                        .statusCode())
                .isEqualTo(204);
        assertThat(Api.read(api.get("/api/v1/clients/" + code + "/flags", practitioner)))
                .isEmpty();
    }

    @Test
    void showsChangeFromTheFirstScoreInTalkingTherapiesTerms() {
        String code = clientWithOpenEpisode();
        Instant start = clock.instant().minus(Duration.ofDays(40));
        String first = session(code, start, "ATTENDED");
        answer(code, first, "PHQ-9", 2, 2, 2, 2, 2, 2, 1, 1, 1);
        answer(code, first, "GAD-7", 2, 2, 2, 2, 1, 1, 1);
        String last = session(code, start.plus(Duration.ofDays(21)), "ATTENDED");
        answer(code, last, "PHQ-9", 1, 1, 1, 1, 1, 1, 1, 1, 0);
        answer(code, last, "GAD-7", 1, 1, 1, 1, 0, 0, 0);

        JsonNode progress = Api.read(api.get("/api/v1/clients/" + code + "/progress", practitioner));
        assertThat(progress.get("primaryMeasure").asString()).isEqualTo("PHQ-9");
        JsonNode phq9 = progress.get("episodes").get(0).get("measures").get(0);
        assertThat(phq9.get("measure").asString()).isEqualTo("PHQ-9");
        assertThat(phq9.get("points")).hasSize(2);
        assertThat(phq9.get("change").get("reliableImprovement").asBoolean()).isTrue();
        assertThat(phq9.get("change").get("recovery").asBoolean()).isTrue();

        JsonNode line = Api.read(api.get("/api/v1/progress", practitioner))
                .get("clients")
                .get(0);
        assertThat(line.get("code").asString()).isEqualTo(code);
        assertThat(line.get("latest").asDouble()).isEqualTo(8.0);
        assertThat(line.get("light").asString()).isEqualTo("GREEN");
        assertThat(line.get("percentImprovement").asDouble()).isEqualTo(46.7);
        assertThat(line.get("notSeen").asString()).as("last seen 19 days ago").isEqualTo("WARNING");

        assertThat(api.put(
                                "/api/v1/clients/" + code + "/primary-measure",
                                Api.json(Map.of("measure", "GAD-7")),
                                practitioner)
                        .statusCode())
                .isEqualTo(204);
        JsonNode byGad = Api.read(api.get("/api/v1/progress", practitioner))
                .get("clients")
                .get(0);
        assertThat(byGad.get("primaryMeasure").asString()).isEqualTo("GAD-7");
        assertThat(byGad.get("latest").asDouble()).isEqualTo(4.0);
    }

    @Test
    void carersDoNotSeeTheCaseloadsProgress() {
        clientWithOpenEpisode();
        assertThat(api.get("/api/v1/progress", carer).statusCode()).isEqualTo(403);
        assertThat(api.https()
                        .get(api.host(), "/progress", "Cookie", "__Host-trackwell-session=" + carer)
                        .statusCode())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/progress", practitioner).statusCode()).isEqualTo(200);
    }

    @Test
    void aCarerWhoAlsoPractisesSeesOnlyTheirOwnClientsProgress() {
        String colleagues = clientWithOpenEpisode();
        String both = api.signIn(api.newUserInTeam(admin, "Bo Both", team, "CARER", "PRACTITIONER"), Api.GOOD_PASSWORD);
        HttpResponse<String> created = api.post("/api/v1/clients", Api.json(Map.of("teamId", team)), both);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String own = Api.read(created).get("code").asString();
        assertThat(api.get(
                                "/api/v1/clients/" + colleagues
                                        + "/doses?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z",
                                both)
                        .statusCode())
                .as("as a carer they reach the team's clients for medication")
                .isEqualTo(200);

        JsonNode progress = Api.read(api.get("/api/v1/progress", both));
        List<String> listed = new ArrayList<>();
        progress.get("clients").forEach(line -> listed.add(line.get("code").asString()));
        assertThat(listed).as("scores are for their clinical reach only").containsExactly(own);
        String page = api.https()
                .get(api.host(), "/progress", "Cookie", "__Host-trackwell-session=" + both)
                .body();
        assertThat(page).doesNotContain(colleagues);
    }

    @Test
    void aSessionAServiceAccountBooksShowsTheServicesTypeNameAndThePractitionerItNamed() {
        HttpResponse<String> types = api.put(
                "/api/v1/session-types",
                Api.json(List.of(
                        Map.of(
                                "code",
                                "TREATMENT",
                                "name",
                                "Weekly therapy",
                                "measures",
                                List.of("PHQ-9"),
                                "treatment",
                                true),
                        Map.of(
                                "code",
                                "ASSESSMENT",
                                "name",
                                "First meeting",
                                "measures",
                                List.of(),
                                "treatment",
                                false))),
                admin);
        assertThat(types.statusCode()).as(types.body()).isEqualTo(200);
        String code = clientWithOpenEpisode();
        HttpResponse<String> account = api.post(
                "/api/v1/api-clients",
                Api.json(Map.of(
                        "name", "Booking system",
                        "scopes", List.of("clients:read", "outcomes:read", "outcomes:write"),
                        "teams", List.of(team),
                        "expiresOn",
                                clock.instant()
                                        .plus(Duration.ofDays(30))
                                        .toString()
                                        .substring(0, 10))),
                admin);
        assertThat(account.statusCode()).as(account.body()).isEqualTo(201);
        String key = Api.read(account).get("key").asString();
        HttpResponse<String> booked = api.post(
                "/api/v1/clients/" + code + "/sessions",
                Api.json(Map.of(
                        "startsAt",
                        clock.instant()
                                .plus(Duration.ofDays(2))
                                .truncatedTo(ChronoUnit.SECONDS)
                                .toString(),
                        "type",
                        "TREATMENT",
                        "mode",
                        "VIDEO",
                        "practitionerId",
                        Api.read(api.get("/api/v1/me", practitioner)).get("id").asString())),
                key);
        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
        String session = Api.read(booked).get("id").asString();

        assertThat(page("/clients/" + code + "/outcomes", practitioner)).contains("Weekly therapy", "Pat Practitioner");
        assertThat(page("/clients/" + code + "/sessions/" + session, practitioner))
                .contains("Weekly therapy", "with <span>Pat Practitioner</span>");
    }

    @Test
    void goalsAreTheClientsOwnWordsWithEveryRewordingKept() {
        String code = clientWithOpenEpisode();
        String path = "/api/v1/clients/" + code + "/goals";
        List<String> goals = new ArrayList<>();
        for (String words : List.of("Get back to work three days a week", "Sleep through the night", "See friends")) {
            HttpResponse<String> added = api.post(path, Api.json(Map.of("wording", words)), practitioner);
            assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
            goals.add(Api.read(added).get("id").asString());
        }
        assertThat(api.post(path, Api.json(Map.of("wording", "A fourth goal")), practitioner)
                        .statusCode())
                .as("three open goals by default")
                .isEqualTo(409);
        HttpResponse<String> problem = api.post(
                path,
                Api.json(Map.of("kind", "PROBLEM", "wording", "Panic on buses", "duration", "ONE_TO_FIVE_YEARS")),
                practitioner);
        assertThat(problem.statusCode()).isEqualTo(201);
        assertThat(api.post(
                                path,
                                Api.json(Map.of("kind", "PROBLEM", "wording", "Arguing with Sarah Thompson")),
                                practitioner)
                        .statusCode())
                .as("identifying words are warned about")
                .isEqualTo(422);

        HttpResponse<String> reworded = api.put(
                path + "/" + goals.getFirst(), Api.json(Map.of("wording", "Back to work full time")), practitioner);
        assertThat(Api.read(reworded).get("wording").asString()).isEqualTo("Back to work full time");
        assertThat(Api.read(reworded).get("earlierWordings").get(0).get("text").asString())
                .isEqualTo("Get back to work three days a week");

        String session = session(code, clock.instant().minus(Duration.ofHours(1)), "ATTENDED");
        assertThat(api.post(
                                "/api/v1/clients/" + code + "/sessions/" + session + "/goal-ratings",
                                Api.json(Map.of("ratings", Map.of(goals.get(1), 4))),
                                practitioner)
                        .statusCode())
                .isEqualTo(204);
        assertThat(api.post(
                                "/api/v1/clients/" + code + "/sessions/" + session + "/goal-ratings",
                                Api.json(Map.of("ratings", Map.of(goals.get(2), 11))),
                                practitioner)
                        .statusCode())
                .isEqualTo(400);
        assertThat(api.post(path + "/" + goals.get(2) + "/close", "{}", practitioner)
                        .statusCode())
                .isEqualTo(204);
        JsonNode all = Api.read(api.get(path, practitioner));
        assertThat(all).hasSize(4);
        assertThat(all.toString()).contains("\"rating\":4", "Panic on buses", "ONE_TO_FIVE_YEARS");
    }

    @Test
    void aMeasureLinkWorksOnceWithoutSignInAndItsAnswersArriveAsTheClients() {
        String code = clientWithOpenEpisode();
        String session = session(code, clock.instant().plus(Duration.ofDays(1)), null);
        JsonNode link = Api.read(api.post(
                "/api/v1/clients/" + code + "/sessions/" + session + "/links",
                Api.json(Map.of("measures", List.of("PHQ-9", "GAD-7"))),
                practitioner));
        String token = tokenOf(link.get("url").asString(), "/c/");

        HttpResponse<String> form = api.get("/api/v1/client-links/" + token, null);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(Api.read(form).get("service").asString())
                .isEqualTo(api.tenant().displayName());
        assertThat(form.body()).doesNotContain(code);
        assertThat(Api.read(form).get("measures")).hasSize(2);

        HttpResponse<String> invalid = api.post(
                "/api/v1/client-links/" + token, Api.json(Map.of("answers", Map.of("PHQ-9", Map.of("1", 7)))), null);
        assertThat(invalid.statusCode()).isEqualTo(400);

        Map<String, Object> answers =
                Map.of("PHQ-9", items(1, 1, 1, 1, 1, 1, 1, 1, 0), "GAD-7", items(1, 1, 1, 1, 1, 1, 1));
        assertThat(api.post("/api/v1/client-links/" + token, Api.json(Map.of("answers", answers)), null)
                        .statusCode())
                .as("a refused submission does not use the link up")
                .isEqualTo(204);
        assertThat(api.post("/api/v1/client-links/" + token, Api.json(Map.of("answers", answers)), null)
                        .statusCode())
                .isEqualTo(410);
        assertThat(api.get("/api/v1/client-links/" + token, null).statusCode()).isEqualTo(410);
        assertThat(api.get("/api/v1/client-links/not-a-real-token", null).statusCode())
                .isEqualTo(404);

        JsonNode measures = Api.read(api.get("/api/v1/clients/" + code + "/sessions", practitioner))
                .get(0)
                .get("measures");
        assertThat(measures).hasSize(2);
        assertThat(measures.get(0).get("completedBy").asString()).isEqualTo("CLIENT");
        assertThat(api.auditActions()).contains("client-link.created", "client-link.opened", "client-link.completed");
    }

    @Test
    void aMeasureLinkExpiresAfterSevenDays() {
        String code = clientWithOpenEpisode();
        String session = session(code, clock.instant().minus(Duration.ofHours(1)), "ATTENDED");
        String token = tokenOf(
                Api.read(api.post("/api/v1/clients/" + code + "/sessions/" + session + "/links", "{}", practitioner))
                        .get("url")
                        .asString(),
                "/c/");
        clock.advance(Duration.ofDays(7).minusMinutes(1));
        assertThat(api.get("/api/v1/client-links/" + token, null).statusCode()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(2));
        HttpResponse<String> expired = api.get("/api/v1/client-links/" + token, null);
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(Api.read(expired).get("detail").asString()).contains("expired");
    }

    @Test
    void emailsALinkOnlyWithConsentAndAnAddressOnFile() {
        api.put(
                "/api/v1/client-settings",
                Api.json(Map.of("identifiers", List.of("EMAIL"), "demographics", List.of("GENDER"))),
                admin);
        String address = "client" + System.nanoTime() + "@example.org";
        String code = clientWithOpenEpisode(Map.of("identifiers", Map.of("email", address)));
        String session = session(code, clock.instant().minus(Duration.ofHours(1)), "ATTENDED");
        String path = "/api/v1/clients/" + code + "/sessions/" + session + "/links";
        assertThat(api.post(path, Api.json(Map.of("email", true)), practitioner).statusCode())
                .as("no consent yet")
                .isEqualTo(409);
        consentToEmail(code);
        HttpResponse<String> sent = api.post(path, Api.json(Map.of("email", true)), practitioner);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
        assertThat(Api.read(sent).get("emailed").asBoolean()).isTrue();
        String mail = TestMail.text(TestMail.to(address).getLast());
        assertThat(mail).contains("/c/", api.tenant().displayName()).doesNotContain(code);
    }

    @Test
    void sendsPlannedMeasuresBeforeTheSessionOnceToConsentingClients() {
        api.put(
                "/api/v1/client-settings",
                Api.json(Map.of("identifiers", List.of("EMAIL"), "demographics", List.of("GENDER"))),
                admin);
        Map<String, Object> settings = new HashMap<>(settingsWith());
        settings.put("sendBeforeHours", 30);
        settings.put("feedbackAfterHours", 2);
        settings.put("feedbackMeasure", "SESSION-FEEDBACK");
        HttpResponse<String> changed = api.put("/api/v1/outcome-settings", Api.json(settings), admin);
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        String address = "planned" + System.nanoTime() + "@example.org";
        String code = clientWithOpenEpisode(Map.of("identifiers", Map.of("email", address)));
        consentToEmail(code);
        session(code, clock.instant().plus(Duration.ofHours(20)), null);
        session(code, clock.instant().minus(Duration.ofHours(3)), "ATTENDED");
        String unconsented = clientWithOpenEpisode(Map.of("identifiers", Map.of("email", "no" + address)));
        session(unconsented, clock.instant().plus(Duration.ofHours(20)), null);

        assertThat(sendDue())
                .as("one before the coming session, feedback after the last one")
                .isEqualTo(2);
        assertThat(sendDue()).as("each goes once").isZero();
        assertThat(TestMail.to(address)).hasSize(2);
        assertThat(TestMail.to("no" + address)).isEmpty();
    }

    @Test
    void aChartLinkNeedsItsPinAndLocksAfterFiveWrongOnes() {
        String code = clientWithOpenEpisode();
        String session = session(code, clock.instant().minus(Duration.ofHours(1)), "ATTENDED");
        answer(code, session, "PHQ-9", 2, 2, 2, 1, 1, 1, 1, 1, 0);
        JsonNode link = Api.read(api.post("/api/v1/clients/" + code + "/chart-links", "{}", practitioner));
        String token = tokenOf(link.get("url").asString(), "/p/");
        String pin = link.get("pin").asString();
        assertThat(pin).matches("\\d{6}");
        String wrongPin = pin.equals("000000") ? "111111" : "000000";

        HttpResponse<String> right = charts(token, pin);
        assertThat(right.statusCode()).isEqualTo(200);
        assertThat(Api.read(right).get("measures").get(0).get("points")).hasSize(1);
        assertThat(right.body()).doesNotContain(code);

        for (int attempt = 1; attempt <= 4; attempt++) {
            HttpResponse<String> wrong = charts(token, wrongPin);
            assertThat(wrong.statusCode()).isEqualTo(403);
            assertThat(Api.read(wrong).get("detail").asString()).contains((5 - attempt) + " tr");
        }
        assertThat(charts(token, wrongPin).statusCode())
                .as("the fifth wrong PIN locks")
                .isEqualTo(410);
        assertThat(charts(token, pin).statusCode()).as("locked for good").isEqualTo(410);
        assertThat(Api.read(api.get("/api/v1/clients/" + code + "/chart-links", practitioner))
                        .get(0)
                        .get("locked")
                        .asBoolean())
                .isTrue();
        assertThat(api.auditActions()).contains("chart-link.created", "chart-link.viewed", "chart-link.locked");
    }

    @Test
    void aChartLinkCanBeRevokedAndExpiresAfterThirtyDays() {
        String code = clientWithOpenEpisode();
        JsonNode first = Api.read(api.post("/api/v1/clients/" + code + "/chart-links", "{}", practitioner));
        JsonNode second = Api.read(api.post("/api/v1/clients/" + code + "/chart-links", "{}", practitioner));
        assertThat(api.send(
                                "DELETE",
                                "/api/v1/clients/" + code + "/chart-links/"
                                        + first.get("id").asString(),
                                "",
                                practitioner)
                        .statusCode())
                .isEqualTo(204);
        HttpResponse<String> revoked = charts(
                tokenOf(first.get("url").asString(), "/p/"), first.get("pin").asString());
        assertThat(revoked.statusCode()).isEqualTo(410);
        assertThat(Api.read(revoked).get("detail").asString()).contains("withdrawn");

        String token = tokenOf(second.get("url").asString(), "/p/");
        assertThat(charts(token, second.get("pin").asString()).statusCode()).isEqualTo(200);
        clock.advance(Duration.ofDays(30).plusMinutes(1));
        assertThat(charts(token, second.get("pin").asString()).statusCode()).isEqualTo(410);
    }

    @Test
    void keepsToEachMeasuresLicence() {
        Map<String, Object> nonCommercial = definition("CORE-LIKE-10", false, false);
        HttpResponse<String> imported =
                api.post("/api/v1/measures", Api.json(Map.of("definition", nonCommercial)), admin);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        assertThat(Api.read(imported).get("usable").asBoolean()).isFalse();

        String enable = "/api/v1/measures/CORE-LIKE-10/enabled";
        HttpResponse<String> refused = api.put(enable, Api.json(Map.of("enabled", true)), admin);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(Api.read(refused).get("detail").asString()).contains("commercial");
        assertThat(api.put(enable, Api.json(Map.of("enabled", true, "licenceHeld", true)), admin)
                        .statusCode())
                .isEqualTo(204);

        HttpResponse<String> edit = api.post("/api/v1/measures", Api.json(Map.of("definition", nonCommercial)), admin);
        assertThat(edit.statusCode()).as("no derivatives: never edited").isEqualTo(409);
        Map<String, Object> builtIn = definition("PHQ-9", true, true);
        assertThat(api.post("/api/v1/measures", Api.json(Map.of("definition", builtIn)), admin)
                        .statusCode())
                .isEqualTo(409);
        Map<String, Object> broken = new LinkedHashMap<>(definition("BROKEN", true, true));
        broken.put("bands", List.of(Map.of("from", 5, "label", "Too high a start")));
        HttpResponse<String> invalid = api.post("/api/v1/measures", Api.json(Map.of("definition", broken)), admin);
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("first band must start at the lowest possible total");
        assertThat(api.post("/api/v1/measures", Api.json(Map.of("definition", "not json at all")), admin)
                        .statusCode())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/measures", Api.json(Map.of("definition", nonCommercial)), practitioner)
                        .statusCode())
                .isEqualTo(403);

        Map<String, Object> own = definition("OUR-FORM", true, true);
        assertThat(api.post("/api/v1/measures", Api.json(Map.of("definition", own)), admin)
                        .statusCode())
                .isEqualTo(201);
        HttpResponse<String> second = api.post("/api/v1/measures", Api.json(Map.of("definition", own)), admin);
        assertThat(Api.read(second).get("version").asInt())
                .as("an edit is a new version")
                .isEqualTo(2);
    }

    @Test
    void aTimeTypedOnThePageIsTheServicesLocalTime() {
        Map<String, Object> settings = Map.of(
                "timeZone", "America/New_York",
                "toleranceMinutes", 60,
                "prnEffectMinutes", 60,
                "lowStockDays", 7,
                "expiryWarningDays", 30);
        assertThat(api.put("/api/v1/medication-settings", Api.json(settings), admin)
                        .statusCode())
                .isEqualTo(200);
        String code = clientWithOpenEpisode();
        PageSession pages =
                PageSession.signedIn(api, "pat.practitioner@" + api.tenant().slug() + ".test", Api.GOOD_PASSWORD);
        String page = "/clients/" + code + "/outcomes";
        assertThat(pages.submitFrom(
                                page,
                                page + "/sessions",
                                "startsAt",
                                "2026-11-30T10:00",
                                "type",
                                "TREATMENT",
                                "mode",
                                "FACE_TO_FACE")
                        .statusCode())
                .isEqualTo(302);

        JsonNode sessions = Api.read(api.get("/api/v1/clients/" + code + "/sessions", practitioner));
        assertThat(sessions.get(0).get("startsAt").asString())
                .as("10:00 in New York")
                .isEqualTo("2026-11-30T15:00:00Z");
    }

    @Test
    void everyOutcomesPageRendersWithData() {
        String code = clientWithOpenEpisode();
        String session = session(code, clock.instant().minus(Duration.ofDays(8)), "ATTENDED");
        answer(code, session, "PHQ-9", 2, 2, 2, 2, 2, 2, 1, 1, 1);
        String later = session(code, clock.instant().minus(Duration.ofHours(1)), "ATTENDED");
        answer(code, later, "PHQ-9", 1, 1, 1, 1, 1, 1, 1, 1, 0);
        String goal = Api.read(api.post(
                        "/api/v1/clients/" + code + "/goals",
                        Api.json(Map.of("wording", "Sleep better")),
                        practitioner))
                .get("id")
                .asString();
        api.post(
                "/api/v1/clients/" + code + "/sessions/" + later + "/goal-ratings",
                Api.json(Map.of("ratings", Map.of(goal, 6))),
                practitioner);
        String measureLink = Api.read(api.post(
                        "/api/v1/clients/" + code + "/sessions/" + later + "/links",
                        Api.json(Map.of("measures", List.of("GAD-7"))),
                        practitioner))
                .get("url")
                .asString();
        String chartLink = Api.read(api.post("/api/v1/clients/" + code + "/chart-links", "{}", practitioner))
                .get("url")
                .asString();

        assertThat(page("/clients/" + code + "/outcomes", practitioner))
                .contains("<svg", "chart-phq-9", "chart-goals", "Sleep better", "reliable improvement");
        assertThat(page("/clients/" + code + "/sessions/" + later, practitioner))
                .contains("GAD-7", "Sleep better");
        assertThat(page("/progress", practitioner)).contains(code, "improved");
        assertThat(page("/clients/" + code + "/outcomes", practitioner)).isNotEmpty();
        assertThat(page("/clients/" + code + "/sessions/" + later, practitioner))
                .isNotEmpty();
        assertThat(lastEntriesAbout(code, 2))
                .as("one read of one page leaves one entry")
                .containsExactly("outcomes.viewed", "session.viewed");
        assertThat(page("/admin/measures", admin)).contains("PHQ-9", "Free to use");
        assertThat(page("/admin/measures/new?from=PHQ-9", admin)).contains("Little interest or pleasure");
        assertThat(page(measureLink.substring(measureLink.indexOf("/c/")), null))
                .contains("Feeling nervous", api.tenant().displayName())
                .doesNotContain(code);
        assertThat(page(chartLink.substring(chartLink.indexOf("/p/")), null)).contains("PIN");
    }

    @Test
    void refusesMalformedRequestsWithAClearAnswerAndChangesNothing() {
        String code = clientWithOpenEpisode();
        String session = session(code, clock.instant().minus(Duration.ofHours(1)), "ATTENDED");
        String base = "/api/v1/clients/" + code;
        List<HttpResponse<String>> refused = List.of(
                api.post(
                        base + "/sessions",
                        Api.json(Map.of("startsAt", "soon", "type", "TREATMENT", "mode", "VIDEO")),
                        practitioner),
                api.post(
                        base + "/sessions",
                        Api.json(Map.of("startsAt", clock.instant().toString(), "type", "NAP", "mode", "VIDEO")),
                        practitioner),
                api.post(
                        base + "/sessions/" + session + "/measures",
                        Api.json(Map.of("measure", "PHQ-9", "answers", Map.of("1", "two"))),
                        practitioner),
                api.post(
                        base + "/sessions/" + session + "/measures",
                        Api.json(Map.of("measure", "NOPE", "answers", Map.of())),
                        practitioner),
                api.post(
                        base + "/sessions/not-a-session/measures",
                        Api.json(Map.of("measure", "PHQ-9", "answers", Map.of())),
                        practitioner),
                api.post(
                        base + "/sessions/" + session + "/goal-ratings",
                        Api.json(Map.of(
                                "ratings", Map.of(java.util.UUID.randomUUID().toString(), 3))),
                        practitioner),
                api.post(base + "/goals", Api.json(Map.of("wording", "   ")), practitioner),
                api.post("/api/v1/measures", Api.json(Map.of("definition", Map.of())), admin),
                api.put("/api/v1/outcome-settings", Api.json(Map.of("commercial", true)), admin),
                api.put(
                        "/api/v1/session-types",
                        Api.json(List.of(Map.of("code", "lower case", "name", "x", "measures", List.of()))),
                        admin),
                api.post(
                        "/api/v1/client-links/" + "x".repeat(43) + "/charts",
                        Api.json(Map.of("pin", "12345678901234")),
                        null));
        for (HttpResponse<String> response : refused) {
            assertThat(response.statusCode()).as(response.body()).isBetween(400, 499);
            assertThat(response.body()).doesNotContain("Exception", "at org.", "SQL");
        }
        assertThat(Api.read(api.get(base + "/sessions", practitioner)).get(0).get("measures"))
                .isEmpty();
        assertThat(Api.read(api.get(base + "/goals", practitioner))).isEmpty();
    }

    /** The actions of the latest entries about the client, oldest first. */
    private List<String> lastEntriesAbout(String code, int count) {
        return org.springframework.jdbc.core.simple.JdbcClient.create(org.trackwell.support.TestPostgres.asSuperuser())
                .sql("""
                        select action from audit_event where tenant_id = :t and target = :target
                        order by occurred_at desc, id desc limit :count""")
                .param("t", api.tenant().id().value())
                .param("target", "client:" + code)
                .param("count", count)
                .query(String.class)
                .list()
                .reversed();
    }

    private String page(String path, String token) {
        HttpResponse<String> response = token == null
                ? api.https().get(api.host(), path)
                : api.https().get(api.host(), path, "Cookie", "__Host-trackwell-session=" + token);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    private static Map<String, Object> definition(String id, boolean commercialUse, boolean modification) {
        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("id", id);
        definition.put("version", 1);
        definition.put("title", id + " questionnaire");
        definition.put("higherIsWorse", true);
        definition.put("options", List.of(Map.of("label", "Never", "score", 0), Map.of("label", "Often", "score", 1)));
        definition.put(
                "items",
                List.of(Map.of("id", "1", "text", "First question"), Map.of("id", "2", "text", "Second question")));
        definition.put("bands", List.of(Map.of("from", 0, "label", "Low"), Map.of("from", 2, "label", "High")));
        definition.put(
                "licence",
                Map.of(
                        "name",
                        commercialUse ? "Free" : "Free for non-commercial use, no changes",
                        "commercialUse",
                        commercialUse,
                        "modification",
                        modification,
                        "permissionNeeded",
                        false));
        definition.put("citation", "A test definition");
        return definition;
    }

    private Map<String, Object> settingsWith() {
        Map<String, Object> settings = new HashMap<>();
        settings.put("commercial", true);
        settings.put("primaryMeasure", "PHQ-9");
        settings.put("notSeenWarningDays", 15);
        settings.put("notSeenAlertDays", 30);
        settings.put("maxGoals", 3);
        settings.put("linkValidityDays", 7);
        settings.put("chartLinkValidityDays", 30);
        settings.put("pcl5CutOff", 33);
        return settings;
    }

    private int sendDue() {
        return transactions.inTenant(api.tenant().id(), scheduledLinks::sendDueInTenant);
    }

    private HttpResponse<String> charts(String token, String pin) {
        return api.post("/api/v1/client-links/" + token + "/charts", Api.json(Map.of("pin", pin)), null);
    }

    private void consentToEmail(String code) {
        api.post(
                "/api/v1/clients/" + code + "/consents",
                Api.json(Map.of("purpose", "CONTACT_BY_EMAIL_FOR_MEASURES", "given", true, "on", "2026-01-05")),
                practitioner);
    }

    private static String tokenOf(String url, String prefix) {
        return url.substring(url.indexOf(prefix) + prefix.length());
    }

    private HttpResponse<String> answer(String code, String session, String measure, Integer... scores) {
        return api.post(
                "/api/v1/clients/" + code + "/sessions/" + session + "/measures",
                Api.json(Map.of("measure", measure, "answers", items(scores))),
                practitioner);
    }

    private static Map<String, Integer> items(Integer... scores) {
        Map<String, Integer> answers = new LinkedHashMap<>();
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] != null) {
                answers.put(Integer.toString(i + 1), scores[i]);
            }
        }
        return answers;
    }

    private String session(String code, Instant startsAt, String attendance) {
        Map<String, Object> body = new HashMap<>();
        body.put("startsAt", startsAt.truncatedTo(ChronoUnit.SECONDS).toString());
        body.put("type", "TREATMENT");
        body.put("mode", "FACE_TO_FACE");
        if (attendance != null) {
            body.put("attendance", attendance);
        }
        HttpResponse<String> created = api.post("/api/v1/clients/" + code + "/sessions", Api.json(body), practitioner);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Api.read(created).get("id").asString();
    }

    private String client() {
        return client(Map.of());
    }

    private String client(Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(extra);
        body.put("teamId", team);
        HttpResponse<String> created = api.post("/api/v1/clients", Api.json(body), practitioner);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Api.read(created).get("code").asString();
    }

    private String clientWithOpenEpisode() {
        return clientWithOpenEpisode(Map.of());
    }

    private String clientWithOpenEpisode(Map<String, Object> extra) {
        String code = client(extra);
        openEpisode(code);
        return code;
    }

    private void openEpisode(String code) {
        HttpResponse<String> opened = api.post(
                "/api/v1/clients/" + code + "/episodes",
                Api.json(Map.of(
                        "referredOn",
                        clock.instant().minus(Duration.ofDays(60)).toString().substring(0, 10))),
                practitioner);
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
    }
}
