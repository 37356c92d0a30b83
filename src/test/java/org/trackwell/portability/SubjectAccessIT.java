package org.trackwell.portability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * Subject access from the outside: the archive opens with gpg and its password, and its JSON and
 * its PDF each hold every marker written for the client in every module, the identifiers the
 * service keeps and who accessed the record, and no marker of another client; only a tenant admin
 * who has just confirmed who they are gets one, and each is recorded.
 */
@TrackwellTest
class SubjectAccessIT {

    private static final String PASSWORD = "quartz meadow falcon 58 harbour";
    private static final List<String> MODULES =
            List.of("referral", "note", "risk", "session", "goal", "prescription", "dose", "stock");

    @LocalServerPort
    int port;

    @Autowired
    Tenants tenants;

    @Autowired
    Accounts accounts;

    @Autowired
    MutableClock clock;

    @TempDir
    Path directory;

    Api api;
    String admin;
    String team;
    String practitioner;
    String medicine;

    @BeforeEach
    void service() {
        api = Api.newTenant(new Https(port), tenants, accounts, "subject");
        admin = api.signInAsAdmin();
        team = api.newTeam(admin, "Riverside");
        practitioner =
                api.signIn(api.newUserInTeam(admin, "Pat Practitioner", team, "PRACTITIONER"), Api.GOOD_PASSWORD);
        medicine = Api.read(ok(api.post(
                        "/api/v1/medicines",
                        Api.json(
                                Map.of("name", "Paracetamol", "form", "tablet", "strength", "500 mg", "route", "oral")),
                        admin)))
                .get("id")
                .asString();
        ok(api.put(
                "/api/v1/client-settings",
                Api.json(Map.of("identifiers", List.of("NAME"), "demographics", List.of())),
                admin));
    }

    @Test
    void theArchiveHoldsEveryMarkerOfTheClientInEveryModuleAndNoneOfAnother() throws Exception {
        String code = client("zqmine", "Ada Lovelace");
        String other = client("zqtheirs", "Grace Hopper");
        api.get("/api/v1/clients/" + code, practitioner);

        HttpResponse<byte[]> response = subjectAccess(admin, code, PASSWORD);
        assertThat(response.statusCode())
                .as(new String(response.body(), StandardCharsets.UTF_8))
                .isEqualTo(200);
        assertThat(new String(response.body(), StandardCharsets.ISO_8859_1)).doesNotContain("zqminenotemark");
        Path encrypted = directory.resolve("subject.zip.gpg");
        Files.write(encrypted, response.body());
        assertThat(Gpg.decrypt(directory, encrypted, "wrong horse battery staple", directory.resolve("wrong.zip")))
                .isNotZero();
        Path zip = directory.resolve("subject.zip");
        assertThat(Gpg.decrypt(directory, encrypted, PASSWORD, zip)).isZero();

        String json;
        String pdf;
        try (var archive = new java.util.zip.ZipFile(zip.toFile())) {
            json = new String(
                    archive.getInputStream(archive.getEntry("subject-access.json"))
                            .readAllBytes(),
                    StandardCharsets.UTF_8);
            byte[] pdfBytes = archive.getInputStream(archive.getEntry("subject-access.pdf"))
                    .readAllBytes();
            try (PDDocument document = Loader.loadPDF(pdfBytes)) {
                pdf = new PDFTextStripper().getText(document);
            }
            assertThat(archive.getEntry("README.md")).isNotNull();
        }
        for (String module : MODULES) {
            assertThat(json).as(module).contains("zqmine" + module + "mark");
            assertThat(pdf).as(module).contains("zqmine" + module + "mark");
        }
        assertThat(json + pdf).doesNotContain("zqtheirs", other, "Grace Hopper");
        JsonNode report = JsonMapper.builder().build().readTree(json);
        assertThat(report.get("client").asString()).isEqualTo(code);
        assertThat(report.get("identifiers").get("NAME").asString()).isEqualTo("Ada Lovelace");
        assertThat(report.get("records").has("measure_answer")).isTrue();
        assertThat(report.get("access").toString()).contains("Pat Practitioner", "client.note-written");
        assertThat(pdf).contains("Ada Lovelace", "Who accessed the record", "Pat Practitioner");
        assertThat(api.auditActions()).contains("client.subject-access-produced");
    }

    @Test
    void onlyATenantAdminWhoJustConfirmedWhoTheyAreGetsOne() {
        String code = client("zqmine", "Ada Lovelace");
        assertThat(subjectAccess(practitioner, code, PASSWORD).statusCode()).isEqualTo(403);
        assertThat(subjectAccess(admin, code, "password1").statusCode()).isEqualTo(400);
        assertThat(subjectAccess(admin, "NOT-A-CLIENT", PASSWORD).statusCode()).isEqualTo(400);

        assertThat(subjectAccess(admin, code, PASSWORD).statusCode()).isEqualTo(200);
        HttpResponse<byte[]> again = subjectAccess(admin, code, PASSWORD);
        assertThat(again.statusCode()).isEqualTo(429);
        assertThat(again.headers().firstValue("Retry-After")).isPresent();

        clock.advance(Duration.ofMinutes(6));
        HttpResponse<byte[]> unconfirmed = subjectAccess(admin, code, PASSWORD);
        assertThat(unconfirmed.statusCode()).isEqualTo(403);
        assertThat(new String(unconfirmed.body(), StandardCharsets.UTF_8)).contains("Confirm it is you");
        assertThat(api.post("/api/v1/me/confirm", Api.json("password", Api.GOOD_PASSWORD), admin)
                        .statusCode())
                .isEqualTo(204);
        assertThat(subjectAccess(admin, code, PASSWORD).statusCode()).isEqualTo(200);
        assertThat(api.auditActions()).contains("client.subject-access-produced", "client.subject-access-refused");
    }

    @Test
    void theAdminsPageKeepsTheCodeOnARefusalAndDownloadsTheArchive() {
        String code = client("zqmine", "Ada Lovelace");
        PageSession page = PageSession.signedIn(api, api.adminEmail(), Api.GOOD_PASSWORD);
        assertThat(page.get("/admin/subject-access").body()).contains("subject-access-form");

        HttpResponse<String> mismatched =
                page.submit("/admin/subject-access", "client", code, "password", PASSWORD, "repeated", PASSWORD + "x");
        assertThat(mismatched.statusCode()).isEqualTo(302);
        assertThat(page.get("/admin/subject-access").body())
                .contains("The two passwords are not the same", "value=\"" + code + "\"");

        HttpResponse<String> downloaded =
                page.submit("/admin/subject-access", "client", code, "password", PASSWORD, "repeated", PASSWORD);
        assertThat(downloaded.statusCode()).isEqualTo(200);
        assertThat(downloaded.headers().firstValue("Content-Disposition").orElse(""))
                .contains("subject-access-" + code + ".zip.gpg");
        assertThat(api.auditActions()).contains("client.subject-access-produced");
    }

    private HttpResponse<byte[]> subjectAccess(String token, String code, String password) {
        return api.https()
                .sendForBytes(api.https()
                        .request(api.host(), "/api/v1/subject-access", "Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                Api.json(Map.of("client", code, "password", password))))
                        .build());
    }

    /** A client with something in every module, each marked {@code <prefix><module>mark}. */
    private String client(String prefix, String name) {
        String code = Api.read(ok(api.post(
                        "/api/v1/clients",
                        Api.json(Map.of("teamId", team, "identifiers", Map.of("name", name))),
                        practitioner)))
                .get("code")
                .asString();
        String of = "/api/v1/clients/" + code;
        ok(api.post(
                of + "/episodes",
                Api.json(Map.of(
                        "referredOn",
                        LocalDate.now(ZoneId.of("Europe/London")).toString(),
                        "referralSource",
                        prefix + "referralmark")),
                practitioner));
        ok(api.post(of + "/notes", Api.json(Map.of("text", prefix + "notemark")), practitioner));
        ok(api.post(of + "/risk", Api.json(Map.of("level", "LOW", "note", prefix + "riskmark")), practitioner));
        String session = Api.read(ok(api.post(
                        of + "/sessions",
                        Api.json(Map.of(
                                "startsAt",
                                        Instant.now().minus(Duration.ofHours(1)).toString(),
                                "type", "ASSESSMENT",
                                "mode", "VIDEO",
                                "attendance", "ATTENDED",
                                "notes", prefix + "sessionmark")),
                        practitioner)))
                .get("id")
                .asString();
        Map<String, Integer> answers = new HashMap<>();
        for (int item = 1; item <= 9; item++) {
            answers.put(Integer.toString(item), item % 3);
        }
        ok(api.post(
                of + "/sessions/" + session + "/measures",
                Api.json(Map.of("measure", "PHQ-9", "answers", answers)),
                practitioner));
        ok(api.post(of + "/goals", Api.json(Map.of("kind", "GOAL", "wording", prefix + "goalmark")), practitioner));
        Map<String, Object> prescription = new HashMap<>();
        prescription.put("medicineId", medicine);
        prescription.put("dose", "1");
        prescription.put("unit", "tablets");
        prescription.put("startsOn", LocalDate.now().minusDays(1).toString());
        prescription.put("prescriber", "Dr Example");
        prescription.put("instructions", prefix + "prescriptionmark");
        prescription.put("kind", "PRN");
        prescription.put(
                "prn",
                Map.of(
                        "indication",
                        "pain",
                        "minDose",
                        "1",
                        "maxDose",
                        "2",
                        "minIntervalMinutes",
                        0,
                        "maxDosesPerDay",
                        10));
        String prescribed = Api.read(ok(api.post(of + "/prescriptions", Api.json(prescription), practitioner)))
                .get("id")
                .asString();
        ok(api.post(
                of + "/doses",
                Api.json(Map.of(
                        "prescriptionId",
                        prescribed,
                        "outcome",
                        "GIVEN",
                        "amount",
                        "1",
                        "note",
                        prefix + "dosemark",
                        "personConfirmed",
                        true)),
                practitioner));
        ok(api.post(of + "/stock/receipts", Api.json(Map.of("medicineId", medicine, "quantity", "20")), practitioner));
        ok(api.post(
                of + "/stock/removals",
                Api.json(Map.of(
                        "medicineId", medicine, "kind", "RETURN", "quantity", "2", "reason", prefix + "stockmark")),
                practitioner));
        return code;
    }

    private static <T> HttpResponse<T> ok(HttpResponse<T> response) {
        assertThat(response.statusCode()).as(String.valueOf(response.body())).isBetween(200, 299);
        return response;
    }
}
