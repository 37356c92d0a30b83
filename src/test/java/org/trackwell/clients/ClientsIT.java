package org.trackwell.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.trackwell.identity.Accounts;
import org.trackwell.support.Api;
import org.trackwell.support.Https;
import org.trackwell.support.TestPostgres;
import org.trackwell.support.TrackwellTest;
import org.trackwell.tenancy.Tenants;
import tools.jackson.databind.JsonNode;

/** Client records from the outside: who sees whom, pseudonym codes, identifiers sealed, episodes. */
@TrackwellTest
class ClientsIT {

    @LocalServerPort
    int port;

    @Autowired
    Tenants tenants;

    @Autowired
    Accounts accounts;

    Api api;
    String admin;
    String teamA;
    String teamB;
    String practitioner;
    String otherPractitioner;
    String manager;
    String otherTeamManager;
    String carer;
    String practitionerId;

    @BeforeEach
    void service() {
        api = Api.newTenant(new Https(port), tenants, accounts, "clients");
        admin = api.signInAsAdmin();
        teamA = team("Talking Therapies North");
        teamB = team("Talking Therapies South");
        practitioner = user("Pat Practitioner", teamA, "PRACTITIONER");
        otherPractitioner = user("Olu Otherpractitioner", teamA, "PRACTITIONER");
        manager = user("Mo Manager", teamA, "MANAGER");
        otherTeamManager = user("Sam Southmanager", teamB, "MANAGER");
        carer = user("Cas Carer", teamA, "CARER");
        practitionerId = Api.read(api.get("/api/v1/me", practitioner)).get("id").asString();
    }

    @Test
    void eachRoleSeesOnlyTheClientsWithinItsReach() {
        String code = newClient(practitioner, Map.of("teamId", teamA));

        assertThat(api.get("/api/v1/clients/" + code, practitioner).statusCode())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/clients/" + code, manager).statusCode()).isEqualTo(200);
        JsonNode asCarer = Api.read(api.get("/api/v1/clients/" + code, carer));
        assertThat(asCarer.get("access").asString()).isEqualTo("MEDICATION");
        assertThat(api.get("/api/v1/clients/" + code + "/notes", carer).statusCode())
                .as("carers see no clinical notes")
                .isEqualTo(404);

        for (String outsider : List.of(otherPractitioner, otherTeamManager, admin)) {
            HttpResponse<String> refused = api.get("/api/v1/clients/" + code, outsider);
            HttpResponse<String> unknown =
                    api.get("/api/v1/clients/" + PseudonymCode.random(new java.security.SecureRandom()), outsider);
            assertThat(refused.statusCode()).isEqualTo(404);
            assertThat(Api.read(refused).get("detail"))
                    .isEqualTo(Api.read(unknown).get("detail"));
        }
        assertThat(codes(api.get("/api/v1/clients", otherPractitioner))).doesNotContain(code);
        assertThat(codes(api.get("/api/v1/clients", practitioner))).contains(code);
        assertThat(codes(api.get("/api/v1/clients", manager))).contains(code);
        assertThat(api.auditActions()).contains("client.caseload-viewed");
    }

    @Test
    void theCaseloadPagesOnFromAClientAndAClientOutOfReachIsRefusedLikeAnUnknownOne() {
        String oldest = newClient(manager, Map.of("teamId", teamA));
        String middle = newClient(manager, Map.of("teamId", teamA));
        String newest = newClient(manager, Map.of("teamId", teamA));
        String elsewhere = newClient(otherTeamManager, Map.of("teamId", teamB));

        List<String> all = codes(api.get("/api/v1/clients", manager));
        assertThat(all).containsSubsequence(newest, middle, oldest);
        HttpResponse<String> after = api.get("/api/v1/clients?after=" + newest, manager);
        assertThat(codes(after)).isEqualTo(all.subList(all.indexOf(newest) + 1, all.size()));
        assertThat(Api.read(after).get("hasMore").asBoolean()).isFalse();
        assertThat(Api.read(after).has("next")).isFalse();
        assertThat(codes(api.get("/api/v1/clients?after=" + oldest.toLowerCase(java.util.Locale.ROOT), manager)))
                .isEqualTo(all.subList(all.indexOf(oldest) + 1, all.size()));

        HttpResponse<String> outOfReach = api.get("/api/v1/clients?after=" + elsewhere, manager);
        HttpResponse<String> unknown =
                api.get("/api/v1/clients?after=" + PseudonymCode.random(new java.security.SecureRandom()), manager);
        assertThat(outOfReach.statusCode()).isEqualTo(400);
        assertThat(Api.read(outOfReach).get("detail"))
                .isEqualTo(Api.read(unknown).get("detail"));
        assertThat(api.get("/api/v1/clients?page=1&after=" + newest, manager).statusCode())
                .isEqualTo(400);
    }

    @Test
    void theClientsPageGoesOnAndBackFromTheClientsAtItsEdges() {
        List<String> added = new ArrayList<>();
        for (int i = 0; i < Clients.pageSize() + 5; i++) {
            added.add(newClient(manager, Map.of("teamId", teamA)));
        }
        List<String> newestFirst = added.reversed();

        String first = page("/clients?team=" + teamA);
        assertThat(codesOn(first)).isEqualTo(newestFirst.subList(0, Clients.pageSize()));
        assertThat(first).doesNotContain("Clients added more recently");
        String later = page(link(first, "Clients added earlier"));
        assertThat(codesOn(later)).isEqualTo(newestFirst.subList(Clients.pageSize(), added.size()));
        assertThat(later).doesNotContain("Clients added earlier");
        String back = page(link(later, "Clients added more recently"));
        assertThat(codesOn(back)).isEqualTo(codesOn(first));
        assertThat(back).doesNotContain("Clients added more recently");

        assertThat(api.https()
                        .get(
                                api.host(),
                                "/clients?after=" + newClient(otherTeamManager, Map.of("teamId", teamB)),
                                "Cookie",
                                "__Host-trackwell-session=" + manager)
                        .statusCode())
                .as("a client out of reach is no place to page from")
                .isEqualTo(400);
    }

    @Test
    void aManagerAllocatesAndTheReallocationIsRecorded() {
        String code = newClient(manager, Map.of("teamId", teamA));
        assertThat(api.get("/api/v1/clients/" + code, practitioner).statusCode())
                .isEqualTo(404);

        HttpResponse<String> allocated = api.put(
                "/api/v1/clients/" + code + "/practitioners",
                Api.json(Map.of("practitioners", List.of(practitionerId))),
                manager);
        assertThat(allocated.statusCode()).isEqualTo(204);
        assertThat(api.get("/api/v1/clients/" + code, practitioner).statusCode())
                .isEqualTo(200);
        assertThat(api.put(
                                "/api/v1/clients/" + code + "/practitioners",
                                Api.json(Map.of("practitioners", List.of())),
                                practitioner)
                        .statusCode())
                .as("practitioners do not allocate")
                .isEqualTo(403);

        List<String> actions = new ArrayList<>();
        Api.read(api.get("/api/v1/clients/" + code + "/access", manager))
                .forEach(entry -> actions.add(entry.get("action").asString() + " by "
                        + entry.get("actorId").asString()));
        assertThat(actions).anyMatch(a -> a.startsWith("client.allocated"));
        assertThat(actions).contains("client.viewed by " + practitionerId);
        assertThat(api.get("/api/v1/clients/" + code + "/access", practitioner).statusCode())
                .isEqualTo(403);
        assertThat(actions(code)).contains("client.access-log-viewed");
        HttpResponse<String> page = api.https()
                .get(api.host(), "/clients/" + code + "/access", "Cookie", "__Host-trackwell-session=" + manager);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Pat Practitioner", "client.viewed", "client.allocated");
    }

    @Test
    void identifiersAreOffUntilTheAdminSwitchesThemOnAndThenAreStoredOnlySealed() {
        Map<String, Object> withNhs = Map.of("teamId", teamA, "identifiers", Map.of("nhsNumber", "943 476 5919"));
        assertThat(api.post("/api/v1/clients", Api.json(withNhs), practitioner).statusCode())
                .isEqualTo(400);

        enableIdentifiers("NAME", "NHS_NUMBER", "EMAIL", "PHONE", "ADDRESS", "DATE_OF_BIRTH");
        HttpResponse<String> badNhs = api.post(
                "/api/v1/clients",
                Api.json(Map.of("teamId", teamA, "identifiers", Map.of("nhsNumber", "943 476 5918"))),
                practitioner);
        assertThat(badNhs.statusCode()).isEqualTo(400);
        assertThat(Api.read(badNhs).get("detail").asString()).contains("NHS number");

        String marker = "Zebedee" + System.nanoTime();
        String code = newClient(
                practitioner,
                Map.of(
                        "teamId",
                        teamA,
                        "identifiers",
                        Map.of(
                                "name", marker + " Quill",
                                "nhsNumber", "401 023 2137",
                                "email", marker.toLowerCase() + "@example.org",
                                "address", "1 " + marker + " Lane",
                                "phone", "07700 900" + (System.nanoTime() % 1000),
                                "dateOfBirth", "1984-02-29")));
        JsonNode client = Api.read(api.get("/api/v1/clients/" + code, practitioner));
        assertThat(client.get("identifiers").get("name").asString()).isEqualTo(marker + " Quill");
        assertThat(client.get("identifiers").get("nhsNumber").asString()).isEqualTo("4010232137");

        assertThat(search("nhsNumber", "4010232137", practitioner)).containsExactly(code);
        assertThat(search("email", marker.toUpperCase() + "@EXAMPLE.ORG", practitioner))
                .containsExactly(code);
        assertThat(search("nhsNumber", "4010232137", otherPractitioner)).isEmpty();

        assertThat(api.auditActions()).contains("client-settings.changed", "client.searched");
        HttpResponse<String> updated = api.put(
                "/api/v1/clients/" + code,
                Api.json(Map.of(
                        "teamId",
                        teamA,
                        "demographics",
                        Map.of("GENDER", "Woman"),
                        "identifiers",
                        Map.of("name", marker + " Quill", "nhsNumber", "943 476 5919"))),
                practitioner);
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        assertThat(Api.read(updated).get("identifiers").has("email"))
                .as("left out: cleared")
                .isFalse();
        assertThat(search("nhsNumber", "9434765919", practitioner)).containsExactly(code);
        assertThat(search("nhsNumber", "4010232137", practitioner)).isEmpty();
        assertThat(actions(code)).contains("client.updated");
        String dump = TestPostgres.dumpEveryTable(TestPostgres.DATABASE);
        assertThat(dump).doesNotContain(marker, marker.toLowerCase(), "4010232137", "401 023 2137");
    }

    @Test
    void aDemographicMustBeOneOfItsChoicesWhereTheyAreFixed() {
        HttpResponse<String> refused = api.post(
                "/api/v1/clients",
                Api.json(Map.of("teamId", teamA, "demographics", Map.of("ETHNICITY", "Martian"))),
                practitioner);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Api.read(refused).get("detail").asString()).contains("not one of the choices");
        assertThat(api.post(
                                "/api/v1/clients",
                                Api.json(Map.of("teamId", teamA, "demographics", Map.of("ETHNICITY", "White: Irish"))),
                                practitioner)
                        .statusCode())
                .isEqualTo(201);
    }

    @Test
    void aMistypedCodeIsNotFoundAndCaseAndSeparatorsDoNotMatter() {
        String code = newClient(practitioner, Map.of("teamId", teamA, "reference", "REF-00042"));
        String compact = code.replace("-", "");
        assertThat(api.get("/api/v1/clients/" + compact.toLowerCase(), practitioner)
                        .statusCode())
                .isEqualTo(200);
        String typo = compact.substring(0, 2) + (compact.charAt(2) == 'A' ? 'B' : 'A') + compact.substring(3);
        assertThat(api.get("/api/v1/clients/" + typo, practitioner).statusCode())
                .isEqualTo(404);
        assertThat(search("reference", " ref-00042 ", practitioner)).containsExactly(code);
    }

    @Test
    void anIdentifyingReferenceOrNoteWarnsAndSavesOnlyWhenAcknowledged() {
        HttpResponse<String> warned = api.post(
                "/api/v1/clients", Api.json(Map.of("teamId", teamA, "reference", "Sarah Thompson")), practitioner);
        assertThat(warned.statusCode()).isEqualTo(422);
        assertThat(Api.read(warned).get("detail").asString()).contains("a person's name");

        JsonNode checked = Api.read(api.post(
                "/api/v1/identifying-text", Api.json("text", "Lives at SW1A 1AA, DOB 14/03/1987."), practitioner));
        assertThat(checked.get("warning").asString()).contains("a postcode", "a date");
        assertThat(Api.read(api.post(
                                "/api/v1/identifying-text",
                                Api.json("text", "PHQ-9 score 14, mood lower this week."),
                                practitioner))
                        .get("warning")
                        .asString())
                .isEmpty();

        String code = newClient(practitioner, Map.of("teamId", teamA));
        String note = "Call her on 07700 900123 about the next session.";
        HttpResponse<String> unacknowledged =
                api.post("/api/v1/clients/" + code + "/notes", Api.json(Map.of("text", note)), practitioner);
        assertThat(unacknowledged.statusCode()).isEqualTo(422);
        assertThat(Api.read(api.get("/api/v1/clients/" + code + "/notes", practitioner)))
                .isEmpty();

        assertThat(api.post(
                                "/api/v1/clients/" + code + "/notes",
                                Api.json(Map.of("text", note, "acknowledgeIdentifying", true)),
                                practitioner)
                        .statusCode())
                .isEqualTo(204);
        assertThat(Api.read(api.get("/api/v1/clients/" + code + "/notes", practitioner))
                        .get(0)
                        .get("text")
                        .asString())
                .isEqualTo(note);
        assertThat(actions(code)).contains("pii-warning.overridden", "client.note-written");
        assertThat(TestPostgres.dumpEveryTable(TestPostgres.DATABASE)).doesNotContain("07700 900123");
    }

    @Test
    void aClosedEpisodeIsReadOnlyButTakesFollowUpsUntilReopened() {
        String code = newClient(practitioner, Map.of("teamId", teamA));
        String episode = Api.read(api.post(
                        "/api/v1/clients/" + code + "/episodes",
                        Api.json(Map.of("referredOn", "2026-01-05", "referralSource", "GP")),
                        practitioner))
                .get("id")
                .asString();
        assertThat(api.post(
                                "/api/v1/clients/" + code + "/episodes",
                                Api.json(Map.of("referredOn", "2026-01-06")),
                                practitioner)
                        .statusCode())
                .as("one open episode at a time")
                .isEqualTo(409);
        String path = "/api/v1/clients/" + code + "/episodes/" + episode;
        assertThat(api.post(path + "/stage", Api.json(Map.of("stage", "TREATMENT")), practitioner)
                        .statusCode())
                .isEqualTo(200);
        assertThat(api.post(
                                path + "/close",
                                Api.json(Map.of("closedOn", "2026-03-01", "planned", true, "reason", "COMPLETED")),
                                practitioner)
                        .statusCode())
                .isEqualTo(200);

        assertThat(api.post(path + "/stage", Api.json(Map.of("stage", "COMPLETION")), practitioner)
                        .statusCode())
                .isEqualTo(409);
        assertThat(api.post(
                                "/api/v1/clients/" + code + "/notes",
                                Api.json(Map.of("text", "Late note.", "episodeId", episode)),
                                practitioner)
                        .statusCode())
                .isEqualTo(409);
        assertThat(api.post(path + "/follow-ups", Api.json(Map.of("dueOn", "2026-06-01")), practitioner)
                        .statusCode())
                .isEqualTo(200);
        assertThat(codes(api.get("/api/v1/clients?status=OPEN", practitioner))).doesNotContain(code);
        assertThat(codes(api.get("/api/v1/clients?status=CLOSED", practitioner)))
                .contains(code);
        assertThat(api.post(path + "/reopen", "", manager).statusCode()).isEqualTo(200);
        assertThat(codes(api.get("/api/v1/clients?status=OPEN", practitioner)))
                .as("the caseload's open filter follows closing and re-opening")
                .contains(code);
        assertThat(codes(api.get("/api/v1/clients?status=CLOSED", practitioner)))
                .doesNotContain(code);
        assertThat(api.post(path + "/stage", Api.json(Map.of("stage", "COMPLETION")), practitioner)
                        .statusCode())
                .isEqualTo(200);
        assertThat(actions(code))
                .contains(
                        "episode.opened",
                        "episode.stage-changed",
                        "episode.closed",
                        "episode.reopened",
                        "episode.follow-up-added");
    }

    @Test
    void theTenantMayCapOpenCasesPerPractitioner() {
        api.put(
                "/api/v1/client-settings",
                Api.json(Map.of("identifiers", List.of(), "demographics", List.of("GENDER"), "openCaseCap", 1)),
                admin);
        String first = newClient(practitioner, Map.of("teamId", teamA));
        String second = newClient(practitioner, Map.of("teamId", teamA));
        assertThat(api.post(
                                "/api/v1/clients/" + first + "/episodes",
                                Api.json(Map.of("referredOn", "2026-01-05")),
                                practitioner)
                        .statusCode())
                .isEqualTo(201);
        assertThat(api.post(
                                "/api/v1/clients/" + second + "/episodes",
                                Api.json(Map.of("referredOn", "2026-01-05")),
                                practitioner)
                        .statusCode())
                .isEqualTo(409);
        assertThat(api.post(
                                "/api/v1/clients",
                                Api.json(Map.of("teamId", teamA, "demographics", Map.of("ETHNICITY", "White: Irish"))),
                                practitioner)
                        .statusCode())
                .as("a demographic the tenant does not record")
                .isEqualTo(400);
    }

    @Test
    void riskIsRatedWithADatedNoteAndKeepsItsHistory() {
        String code = newClient(practitioner, Map.of("teamId", teamA));
        api.post(
                "/api/v1/clients/" + code + "/risk",
                Api.json(Map.of("level", "HIGH", "note", "Expressed hopelessness.")),
                practitioner);
        api.post(
                "/api/v1/clients/" + code + "/risk",
                Api.json(Map.of("level", "MEDIUM", "note", "Safety plan in place.")),
                practitioner);

        assertThat(Api.read(api.get("/api/v1/clients/" + code, manager))
                        .get("risk")
                        .asString())
                .isEqualTo("MEDIUM");
        assertThat(actions(code)).contains("client.risk-recorded");
        JsonNode history = Api.read(api.get("/api/v1/clients/" + code + "/risk", practitioner));
        assertThat(history).hasSize(2);
        assertThat(history.get(1).get("note").asString()).isEqualTo("Expressed hopelessness.");
        assertThat(Api.read(api.get("/api/v1/clients?status=NONE", practitioner))
                        .get("clients")
                        .get(0)
                        .get("risk")
                        .asString())
                .isEqualTo("MEDIUM");
    }

    @Test
    void consentIsRecordedWithItsDateAndTheLatestCounts() {
        String code = newClient(practitioner, Map.of("teamId", teamA));
        String path = "/api/v1/clients/" + code + "/consents";
        api.post(
                path,
                Api.json(Map.of("purpose", "RESEARCH_USE_OF_ANONYMISED_DATA", "given", true, "on", "2026-01-05")),
                practitioner);
        api.post(
                path,
                Api.json(Map.of("purpose", "RESEARCH_USE_OF_ANONYMISED_DATA", "given", false, "on", "2026-02-01")),
                practitioner);

        assertThat(actions(code)).contains("client.consent-recorded");
        JsonNode consents = Api.read(api.get(path, practitioner));
        assertThat(consents).hasSize(1);
        assertThat(consents.get(0).get("given").asBoolean()).isFalse();
        assertThat(consents.get(0).get("on").asString()).isEqualTo("2026-02-01");
    }

    @Test
    void everyReadOfAClientsRecordIsRecordedWithWhoReadIt() {
        String code = newClient(practitioner, Map.of("teamId", teamA));
        for (String part : List.of("", "/episodes", "/risk", "/consents", "/notes")) {
            assertThat(api.get("/api/v1/clients/" + code + part, manager).statusCode())
                    .isEqualTo(200);
        }
        assertThat(actions(code))
                .contains(
                        "client.created",
                        "client.viewed",
                        "client.episodes-viewed",
                        "client.risk-viewed",
                        "client.consents-viewed",
                        "client.notes-viewed");
    }

    @Test
    void oneReadOfTheClientsPageLeavesOneEntryInTheAuditTrail() {
        String code = newClient(practitioner, Map.of("teamId", teamA));
        String base = "/api/v1/clients/" + code;
        assertThat(api.post(base + "/episodes", Api.json(Map.of("referredOn", "2026-01-05")), practitioner)
                        .statusCode())
                .isEqualTo(201);
        assertThat(api.post(base + "/notes", Api.json(Map.of("text", "Settling in well.")), practitioner)
                        .statusCode())
                .isEqualTo(204);

        HttpResponse<String> page =
                api.https().get(api.host(), "/clients/" + code, "Cookie", "__Host-trackwell-session=" + practitioner);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Settling in well.");
        assertThat(lastEntriesAbout(code, 2))
                .as("the page shows the record, episodes, risk, consents, notes and flags in one read")
                .containsExactly("client.note-written", "client.page-viewed");
    }

    private String team(String name) {
        return api.newTeam(admin, name);
    }

    private String user(String name, String team, String role) {
        return api.signIn(api.newUserInTeam(admin, name, team, role), Api.GOOD_PASSWORD);
    }

    private String newClient(String token, Map<String, Object> body) {
        HttpResponse<String> created = api.post("/api/v1/clients", Api.json(body), token);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Api.read(created).get("code").asString();
    }

    private void enableIdentifiers(String... identifiers) {
        HttpResponse<String> changed = api.put(
                "/api/v1/client-settings",
                Api.json(Map.of("identifiers", List.of(identifiers), "demographics", List.of("GENDER", "ETHNICITY"))),
                admin);
        assertThat(changed.statusCode()).isEqualTo(200);
    }

    private List<String> search(String field, String value, String token) {
        HttpResponse<String> found = api.get(
                "/api/v1/clients/search?" + field + "="
                        + java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8),
                token);
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        List<String> codes = new ArrayList<>();
        Api.read(found).forEach(code -> codes.add(code.asString()));
        return codes;
    }

    private String page(String path) {
        HttpResponse<String> response =
                api.https().get(api.host(), path, "Cookie", "__Host-trackwell-session=" + manager);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    private static String link(String page, String words) {
        Matcher link = Pattern.compile("href=\"([^\"]+)\">" + words + "<").matcher(page);
        assertThat(link.find()).as(words).isTrue();
        return link.group(1).replace("&amp;", "&");
    }

    private static List<String> codesOn(String page) {
        List<String> codes = new ArrayList<>();
        Matcher code = Pattern.compile("<td><a href=\"/clients/([A-Z0-9-]+)\"").matcher(page);
        while (code.find()) {
            codes.add(code.group(1));
        }
        return codes;
    }

    private static List<String> codes(HttpResponse<String> caseload) {
        List<String> codes = new ArrayList<>();
        Api.read(caseload)
                .get("clients")
                .forEach(client -> codes.add(client.get("code").asString()));
        return codes;
    }

    private List<String> lastEntriesAbout(String code, int count) {
        return JdbcClient.create(TestPostgres.asSuperuser())
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

    private List<String> actions(String code) {
        return JdbcClient.create(TestPostgres.asSuperuser())
                .sql("select action from audit_event where tenant_id = :t and target = :target")
                .param("t", api.tenant().id().value())
                .param("target", "client:" + code)
                .query(String.class)
                .list();
    }
}
