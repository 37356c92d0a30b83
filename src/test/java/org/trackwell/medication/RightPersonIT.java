package org.trackwell.medication;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.trackwell.identity.Accounts;
import org.trackwell.support.Api;
import org.trackwell.support.Https;
import org.trackwell.support.MutableClock;
import org.trackwell.support.PageSession;
import org.trackwell.support.TestImages;
import org.trackwell.support.TestPostgres;
import org.trackwell.support.TrackwellTest;
import org.trackwell.tenancy.Tenants;
import tools.jackson.databind.JsonNode;

/**
 * The right-person check on a medication round, from the outside: the round shows what the service
 * has chosen to identify people by, a dose is recorded only once the carer confirms the person, and
 * a client's photo is kept and served as the client data it is.
 */
@TrackwellTest
class RightPersonIT {

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
    String team;
    String manager;
    String carer;
    String carerEmail;
    String otherTeamCarer;
    String code;

    @BeforeEach
    void service() {
        api = Api.newTenant(new Https(port), tenants, accounts, "right-person");
        admin = api.signInAsAdmin();
        team = api.newTeam(admin, "Birch House");
        String otherTeam = api.newTeam(admin, "Cedar House");
        manager = api.signIn(api.newUserInTeam(admin, "Mo Manager", team, "MANAGER"), Api.GOOD_PASSWORD);
        carerEmail = api.newUserInTeam(admin, "Cas Carer", team, "CARER");
        carer = api.signIn(carerEmail, Api.GOOD_PASSWORD);
        otherTeamCarer = api.signIn(api.newUserInTeam(admin, "Oli Other", otherTeam, "CARER"), Api.GOOD_PASSWORD);
        code = Api.read(api.post("/api/v1/clients", Api.json(Map.of("teamId", team)), manager))
                .get("code")
                .asString();
    }

    @Test
    void theRoundShowsThePreferredNameAndRoomBesideTheCode() {
        asNeeded();
        assertThat(identify("Ann", "Room 12").statusCode()).isEqualTo(200);

        JsonNode person = person();
        assertThat(person.get("preferredName").asString()).isEqualTo("Ann");
        assertThat(person.get("room").asString()).isEqualTo("Room 12");
        assertThat(person.get("confirmation").asString()).isEqualTo("I have checked this is Ann (Room 12)");
        String page = PageSession.signedIn(api, carerEmail, Api.GOOD_PASSWORD)
                .get("/medication/round?team=" + team)
                .body();
        assertThat(page).contains(code, "Ann — Room 12", "I have checked this is Ann (Room 12)");
    }

    @Test
    void aPreferredNameIsANameByDesignButTheRoomWarnsWhenItLooksIdentifying() {
        assertThat(identify("Ann Smith", "Room 12").statusCode())
                .as("a preferred name is meant to be a name")
                .isEqualTo(200);
        HttpResponse<String> postcode = identify("Ann", "12 High Street, SW1A 1AA");
        assertThat(postcode.statusCode()).isEqualTo(422);
        assertThat(Api.read(api.get("/api/v1/clients/" + code + "/identification", carer))
                        .get("room")
                        .asString())
                .as("nothing changed")
                .isEqualTo("Room 12");
    }

    @Test
    void aDoseWithoutTheConfirmationIsRefusedAndNothingIsStored() {
        String prescription = asNeeded();
        Map<String, Object> dose =
                new HashMap<>(Map.of("prescriptionId", prescription, "outcome", "GIVEN", "amount", "1"));

        HttpResponse<String> unconfirmed = api.post("/api/v1/clients/" + code + "/doses", Api.json(dose), carer);
        assertThat(unconfirmed.statusCode()).isEqualTo(400);
        assertThat(unconfirmed.body()).contains("personConfirmed", "right person");
        dose.put("personConfirmed", false);
        assertThat(api.post("/api/v1/clients/" + code + "/doses", Api.json(dose), carer)
                        .statusCode())
                .isEqualTo(400);
        assertThat(Api.read(api.get(history(), carer))).as("nothing stored").isEmpty();

        dose.put("personConfirmed", true);
        HttpResponse<String> confirmed = api.post("/api/v1/clients/" + code + "/doses", Api.json(dose), carer);
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(201);
        assertThat(Api.read(api.get(history(), carer))).hasSize(1);
    }

    @Test
    void changingTheSettingChangesWhatTheRoundShowsAndIsRecordedWithTheOldAndNewChoice() {
        asNeeded();
        identify("Ann", "Room 12");
        assertThat(putPhoto(manager, TestImages.png(32, 32)).statusCode()).isEqualTo(204);
        assertThat(person().has("photo")).as("the safe default shows no photo").isFalse();

        HttpResponse<String> changed = api.put("/api/v1/medication-settings", settings(List.of("PHOTO")), admin);
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(Api.read(changed).get("roundIdentification").toString()).isEqualTo("[\"PHOTO\"]");

        JsonNode person = person();
        assertThat(person.has("preferredName")).isFalse();
        assertThat(person.has("room")).isFalse();
        assertThat(person.get("photo").asString()).isEqualTo("/api/v1/clients/" + code + "/photo");
        assertThat(person.get("confirmation").asString()).isEqualTo("I have checked this is the person in the photo");
        assertThat(auditTargets("medication-settings.round-identification-changed"))
                .containsExactly("round-identification:PREFERRED_NAME,ROOM->PHOTO");

        assertThat(api.put("/api/v1/medication-settings", settings(List.of()), admin)
                        .statusCode())
                .as("the round always shows something")
                .isEqualTo(400);
        assertThat(api.put("/api/v1/medication-settings", settings(List.of("ROOM")), manager)
                        .statusCode())
                .isEqualTo(403);
        assertThat(Api.read(api.get("/api/v1/medication-settings", carer))
                        .get("roundIdentification")
                        .toString())
                .isEqualTo("[\"PHOTO\"]");
    }

    @Test
    void thePhotoIsServedNeverToBeStoredOnlyToThoseWhoReachTheClientAndEachLookIsRecorded() {
        byte[] photo = TestImages.jpeg(40, 30);
        assertThat(putPhoto(manager, photo).statusCode()).isEqualTo(204);

        HttpResponse<byte[]> seen = api.https()
                .download(api.host(), "/api/v1/clients/" + code + "/photo", "Authorization", "Bearer " + carer);
        assertThat(seen.statusCode()).isEqualTo(200);
        assertThat(seen.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(seen.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(seen.body()).isEqualTo(photo);
        HttpResponse<byte[]> onThePage = api.https()
                .download(api.host(), "/clients/" + code + "/photo", "Cookie", "__Host-trackwell-session=" + carer);
        assertThat(onThePage.statusCode()).isEqualTo(200);
        assertThat(onThePage.headers().firstValue("Cache-Control")).hasValue("no-store");

        HttpResponse<String> otherTeam = api.get("/api/v1/clients/" + code + "/photo", otherTeamCarer);
        assertThat(otherTeam.statusCode()).isEqualTo(404);
        assertThat(api.auditActions()).contains("client.photo-changed", "client.access-denied");
        assertThat(api.auditActions().stream().filter("client.photo-viewed"::equals))
                .hasSize(2);

        assertThat(api.send("DELETE", "/api/v1/clients/" + code + "/photo", "", carer)
                        .statusCode())
                .as("a carer sees the photo but does not change it")
                .isEqualTo(404);
        assertThat(api.send("DELETE", "/api/v1/clients/" + code + "/photo", "", manager)
                        .statusCode())
                .isEqualTo(204);
        assertThat(api.get("/api/v1/clients/" + code + "/photo", carer).statusCode())
                .isEqualTo(404);
    }

    @Test
    void aPhotoUploadRefusesWhatIsNotAJpegOrPngOrIsTooLargeAndSaysWhy() {
        byte[] png = TestImages.png(8, 8);
        byte[] oversized = Arrays.copyOf(png, 2 * 1024 * 1024 + 1);
        byte[] pngHeaderThenNothing = Arrays.copyOf(png, 12);

        assertRefused(
                putPhoto(manager, "%PDF-1.7 not a photo".getBytes()), "That is not a photo: upload a JPEG or PNG");
        assertRefused(
                putPhoto(manager, "<svg xmlns='http://www.w3.org/2000/svg'/>".getBytes()),
                "That is not a photo: upload a JPEG or PNG");
        assertRefused(putPhoto(manager, oversized), "The photo is too large: it can be at most 2 MB.");
        assertRefused(putPhoto(manager, pngHeaderThenNothing), "That photo cannot be read");
        assertRefused(putPhoto(manager, TestImages.png(4100, 2)), "at most 4096 pixels");
        assertRefused(putPhoto(manager, new byte[0]), "Choose a photo to upload.");

        assertThat(api.get("/api/v1/clients/" + code + "/photo", manager).statusCode())
                .as("nothing stored")
                .isEqualTo(404);
        assertThat(JdbcClient.create(TestPostgres.asSuperuser())
                        .sql("select count(*) from client_photo where tenant_id = :t")
                        .param("t", api.tenant().id().value())
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(api.auditActions()).doesNotContain("client.photo-changed");
    }

    private void assertRefused(HttpResponse<String> response, String words) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(Api.read(response).get("detail").asString()).contains(words);
    }

    private HttpResponse<String> identify(String preferredName, String room) {
        return api.put(
                "/api/v1/clients/" + code + "/identification",
                Api.json(Map.of("preferredName", preferredName, "room", room)),
                manager);
    }

    private HttpResponse<String> putPhoto(String token, byte[] image) {
        return api.https()
                .send(api.https()
                        .request(api.host(), "/api/v1/clients/" + code + "/photo", "Authorization", "Bearer " + token)
                        .header("Content-Type", "image/png")
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(image))
                        .build());
    }

    private JsonNode person() {
        HttpResponse<String> round = api.get("/api/v1/medication/round?team=" + team, carer);
        assertThat(round.statusCode()).as(round.body()).isEqualTo(200);
        return Api.read(round).get("people").get(code);
    }

    private String settings(List<String> shown) {
        return Api.json(Map.of(
                "timeZone",
                "Europe/London",
                "toleranceMinutes",
                60,
                "prnEffectMinutes",
                60,
                "lowStockDays",
                7,
                "expiryWarningDays",
                30,
                "roundIdentification",
                shown));
    }

    private List<String> auditTargets(String action) {
        return JdbcClient.create(TestPostgres.asSuperuser())
                .sql("select target from audit_event where tenant_id = :t and action = :a")
                .param("t", api.tenant().id().value())
                .param("a", action)
                .query(String.class)
                .list();
    }

    private String history() {
        Instant now = clock.instant();
        return "/api/v1/clients/" + code + "/doses?from=" + now.minusSeconds(86_400 * 2) + "&to="
                + now.plusSeconds(86_400);
    }

    private String asNeeded() {
        String medicine = Api.read(api.post(
                        "/api/v1/medicines",
                        Api.json(
                                Map.of("name", "Paracetamol", "form", "tablet", "strength", "500 mg", "route", "oral")),
                        manager))
                .get("id")
                .asString();
        HttpResponse<String> created = api.post(
                "/api/v1/clients/" + code + "/prescriptions",
                Api.json(Map.of(
                        "medicineId",
                        medicine,
                        "dose",
                        "1",
                        "unit",
                        "tablet",
                        "startsOn",
                        LocalDate.now(ZoneId.of("Europe/London")).minusDays(1).toString(),
                        "prescriber",
                        "Dr A Example",
                        "kind",
                        "PRN",
                        "prn",
                        Map.of(
                                "indication",
                                "Pain",
                                "minDose",
                                "1",
                                "maxDose",
                                "2",
                                "minIntervalMinutes",
                                0,
                                "maxDosesPerDay",
                                8))),
                manager);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Api.read(created).get("id").asString();
    }
}
