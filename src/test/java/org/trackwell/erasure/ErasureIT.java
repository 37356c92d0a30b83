package org.trackwell.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.trackwell.audit.AuditVerifier;
import org.trackwell.clients.Clients;
import org.trackwell.database.TenantTransactions;
import org.trackwell.erasure.internal.ErasureRequests;
import org.trackwell.identity.Accounts;
import org.trackwell.keys.CannotOpen;
import org.trackwell.keys.EncryptedText;
import org.trackwell.keys.FieldAddress;
import org.trackwell.keys.FieldEncryption;
import org.trackwell.medication.internal.MissedDoseWatch;
import org.trackwell.operator.OperatorCommandLine;
import org.trackwell.support.Api;
import org.trackwell.support.Https;
import org.trackwell.support.MutableClock;
import org.trackwell.support.TestPostgres;
import org.trackwell.support.TrackwellTest;
import org.trackwell.tenancy.Tenants;

/**
 * Erasure from the outside: asked for by one admin, approved by another, carried out after the
 * grace period by the job; then nothing of the client opens with any key left, no marker of theirs
 * is in the database, the other client is whole, the audit trail verifies, and the certificate
 * verifies with the operator's command until a byte of it changes.
 */
@TrackwellTest
class ErasureIT {

    private static final SecureRandom RANDOM = new SecureRandom();

    @LocalServerPort
    int port;

    @Autowired
    Tenants tenants;

    @Autowired
    Accounts accounts;

    @Autowired
    MutableClock clock;

    @Autowired
    TenantTransactions transactions;

    @Autowired
    ErasureRequests erasures;

    @Autowired
    FieldEncryption encryption;

    @Autowired
    AuditVerifier verifier;

    @Autowired
    Clients clients;

    @Autowired
    MissedDoseWatch missedDoseWatch;

    @Autowired
    ApplicationContext context;

    Api api;
    String admin;
    String secondAdminEmail;
    String practitionerEmail;
    String practitioner;
    String team;

    @BeforeEach
    void tenant() {
        api = Api.newTenant(new Https(port), tenants, accounts, "erasure");
        admin = api.signInAsAdmin();
        team = api.newTeam(admin, "Riverside");
        secondAdminEmail = api.newUser(admin, "Second Admin", "TENANT_ADMIN");
        practitionerEmail = api.newUserInTeam(admin, "Pat Practitioner", team, "PRACTITIONER");
        practitioner = api.signIn(practitionerEmail, Api.GOOD_PASSWORD);
        ok(api.put(
                "/api/v1/client-settings",
                Api.json(Map.of("identifiers", List.of("NAME", "EMAIL"), "demographics", List.of("GENDER"))),
                admin));
    }

    @Test
    void anApprovedErasureIsCarriedOutAfterTheGracePeriodAndLeavesNothingOfTheClientToOpen(@TempDir Path files)
            throws Exception {
        String nameMarker = marker();
        String noteMarker = marker();
        String erased = client(nameMarker, noteMarker);
        String otherName = marker();
        String otherNote = marker();
        String kept = client(otherName, otherNote);
        UUID erasedId = clientId(erased);
        prescribeDaily(erased);

        int number = requestErasure(erased, admin).get("number").asInt();
        HttpResponse<String> own = api.post("/api/v1/erasures/" + number + "/approve", "", admin);
        assertThat(own.statusCode()).as("nobody approves their own request").isEqualTo(403);
        String second = api.signIn(secondAdminEmail, Api.GOOD_PASSWORD);
        HttpResponse<String> approved = ok(api.post("/api/v1/erasures/" + number + "/approve", "", second));
        assertThat(Api.read(approved).get("stage").asString()).isEqualTo("IN_GRACE");

        assertThat(eraseDue()).as("nothing is erased within the grace period").isZero();
        clock.advance(Duration.ofDays(7).plusMinutes(1));
        assertThat(missedDoses()).as("the client's morning doses were due").isPositive();
        assertThat(eraseDue()).isEqualTo(1);
        clock.advance(Duration.ofDays(1));
        assertThat(missedDoses())
                .as("an erased client's doses are not watched for")
                .isZero();
        admin = api.signInAsAdmin();
        practitioner = api.signIn(practitionerEmail, Api.GOOD_PASSWORD);

        HttpResponse<String> tombstone = api.get("/api/v1/clients/" + erased, practitioner);
        assertThat(tombstone.statusCode()).isEqualTo(410);
        assertThat(Api.read(tombstone).get("detail").asString())
                .contains("erased on")
                .contains("by erasure request " + number);
        assertThat(api.get("/api/v1/clients/" + kept, practitioner).body()).contains(otherName);
        assertThat(api.get("/api/v1/clients/" + kept + "/notes", practitioner).body())
                .contains(otherNote);

        String dump = TestPostgres.dumpEveryTable(TestPostgres.DATABASE);
        for (String marker : List.of(nameMarker, noteMarker)) {
            assertThat(dump)
                    .doesNotContain(marker)
                    .doesNotContain(HexFormat.of().formatHex(marker.getBytes(StandardCharsets.UTF_8)));
        }
        assertNothingOpensWithAnyKey(erasedId);
        assertThat(transactions.inTenant(
                        api.tenant().id(),
                        () -> clients.emailForMeasures(clients.byId(erasedId).orElseThrow())))
                .as("jobs that write to clients find no address for an erased one, rather than failing")
                .isEmpty();

        assertThat(verifier.verify(api.tenant().id(), Optional.empty()).ok())
                .as("the audit trail verifies")
                .isTrue();
        assertThat(api.auditActions())
                .contains("erasure.requested", "erasure.approved", "client-key.destroyed", "erasure.carried-out");

        HttpResponse<byte[]> certificate = api.https()
                .download(
                        api.host(), "/api/v1/erasures/" + number + "/certificate", "Authorization", "Bearer " + admin);
        assertThat(certificate.statusCode()).isEqualTo(200);
        Path file = files.resolve("certificate.pdf");
        Files.write(file, certificate.body());
        assertThat(new String(certificate.body(), 0, 5, StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        assertThat(verifyCertificate(file)).isZero();
        byte[] changed = certificate.body().clone();
        changed[changed.length / 2] ^= 1;
        Files.write(file, changed);
        assertThat(verifyCertificate(file)).as("a changed byte fails the check").isEqualTo(1);
    }

    @Test
    void aCancellationInTheGracePeriodKeepsEverything() {
        String name = marker();
        String note = marker();
        String code = client(name, note);
        int number = requestErasure(code, admin).get("number").asInt();
        ok(api.post("/api/v1/erasures/" + number + "/approve", "", api.signIn(secondAdminEmail, Api.GOOD_PASSWORD)));
        HttpResponse<String> cancelled = ok(api.post("/api/v1/erasures/" + number + "/cancel", "", admin));
        assertThat(Api.read(cancelled).get("stage").asString()).isEqualTo("CANCELLED");

        clock.advance(Duration.ofDays(30));
        assertThat(eraseDue()).isZero();
        practitioner = api.signIn(practitionerEmail, Api.GOOD_PASSWORD);
        assertThat(api.get("/api/v1/clients/" + code, practitioner).body()).contains(name);
        assertThat(api.get("/api/v1/clients/" + code + "/notes", practitioner).body())
                .contains(note);
        assertThat(api.auditActions()).contains("erasure.cancelled").doesNotContain("client-key.destroyed");
    }

    @Test
    void aPractitionerCannotAskForAnErasure() {
        String code = client(marker(), marker());
        HttpResponse<String> refused = api.post(
                "/api/v1/erasures", Api.json(Map.of("client", code, "reason", "Asked to be forgotten")), practitioner);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(Api.read(ok(api.get("/api/v1/erasures", admin)))).isEmpty();
    }

    @Test
    void theGracePeriodIsASettingWhoseChangeIsRecorded() {
        assertThat(Api.read(ok(api.get("/api/v1/erasure-settings", admin)))
                        .get("graceDays")
                        .asInt())
                .isEqualTo(7);
        assertThat(api.put("/api/v1/erasure-settings", Api.json(Map.of("graceDays", 0)), admin)
                        .statusCode())
                .isEqualTo(400);
        ok(api.put("/api/v1/erasure-settings", Api.json(Map.of("graceDays", 2)), admin));
        String code = client(marker(), marker());
        int number = requestErasure(code, admin).get("number").asInt();
        ok(api.post("/api/v1/erasures/" + number + "/approve", "", api.signIn(secondAdminEmail, Api.GOOD_PASSWORD)));
        clock.advance(Duration.ofDays(2).plusMinutes(1));
        assertThat(eraseDue()).isEqualTo(1);
        assertThat(api.auditActions()).contains("setting.changed");
    }

    private void assertNothingOpensWithAnyKey(UUID client) {
        JdbcClient superuser = JdbcClient.create(TestPostgres.asSuperuser());
        List<byte[]> sealed = superuser
                .sql("""
                        select name from client where id = :c and name is not null
                        union all select text from client_note where client_id = :c""")
                .param("c", client)
                .query((row, n) -> row.getBytes(1))
                .list();
        assertThat(sealed).isNotEmpty();
        List<UUID> keys = superuser
                .sql("select client_id from client_data_key where tenant_id = :t")
                .param("t", api.tenant().id().value())
                .query((row, n) -> row.getObject(1, UUID.class))
                .list();
        for (byte[] ciphertext : sealed) {
            for (UUID key : keys) {
                assertThatThrownBy(() -> open(
                                FieldAddress.ofClient(api.tenant().id(), key, "client", "name", client.toString()),
                                ciphertext))
                        .isInstanceOf(CannotOpen.class);
            }
            assertThatThrownBy(() ->
                            open(new FieldAddress(api.tenant().id(), "client", "name", client.toString()), ciphertext))
                    .isInstanceOf(CannotOpen.class);
        }
    }

    /** Each attempt in a transaction of its own, since a failure to open rolls its transaction back. */
    private String open(FieldAddress address, byte[] ciphertext) {
        return transactions.inTenant(api.tenant().id(), () -> encryption.open(address, new EncryptedText(ciphertext)));
    }

    private int missedDoses() {
        return transactions.inTenant(api.tenant().id(), missedDoseWatch::detect);
    }

    private int eraseDue() {
        return transactions.inTenant(api.tenant().id(), erasures::eraseDue);
    }

    private int verifyCertificate(Path file) {
        return OperatorCommandLine.execute(
                context,
                new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()),
                "erasure",
                "verify-certificate",
                file.toString());
    }

    private tools.jackson.databind.JsonNode requestErasure(String code, String token) {
        return Api.read(ok(api.post(
                "/api/v1/erasures", Api.json(Map.of("client", code, "reason", "Asked to be forgotten")), token)));
    }

    private String client(String name, String note) {
        String code = Api.read(ok(api.post(
                        "/api/v1/clients",
                        Api.json(Map.of(
                                "teamId", team, "identifiers", Map.of("name", name, "email", name + "@example.org"))),
                        practitioner)))
                .get("code")
                .asString();
        ok(api.post("/api/v1/clients/" + code + "/notes", Api.json(Map.of("text", note)), practitioner));
        ok(api.post(
                "/api/v1/clients/" + code + "/consents",
                Api.json(Map.of("purpose", "CONTACT_BY_EMAIL_FOR_MEASURES", "given", true, "on", "2026-01-05")),
                practitioner));
        return code;
    }

    /** A tablet every morning from today, so that after the grace period there are doses due. */
    private void prescribeDaily(String code) {
        String medicine = Api.read(ok(api.post(
                        "/api/v1/medicines",
                        Api.json(
                                Map.of("name", "Paracetamol", "form", "tablet", "strength", "500 mg", "route", "oral")),
                        admin)))
                .get("id")
                .asString();
        ok(api.post(
                "/api/v1/clients/" + code + "/prescriptions",
                Api.json(Map.of(
                        "medicineId",
                        medicine,
                        "dose",
                        "1",
                        "unit",
                        "tablets",
                        "startsOn",
                        java.time.LocalDate.now().toString(),
                        "prescriber",
                        "Dr Example",
                        "kind",
                        "REGULAR",
                        "schedule",
                        Map.of("kind", "TIMES_OF_DAY", "times", List.of("08:00")))),
                practitioner));
    }

    private UUID clientId(String code) {
        return JdbcClient.create(TestPostgres.asSuperuser())
                .sql("select id from client where code = :code and tenant_id = :t")
                .param(
                        "code",
                        org.trackwell.clients.PseudonymCode.parse(code)
                                .orElseThrow()
                                .value())
                .param("t", api.tenant().id().value())
                .query((row, n) -> row.getObject(1, UUID.class))
                .single();
    }

    private static HttpResponse<String> ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return response;
    }

    /** Lower-case letters only, which nothing takes for a name, a date or a number. */
    private static String marker() {
        StringBuilder marker = new StringBuilder("mark");
        for (int i = 0; i < 16; i++) {
            marker.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return marker.toString();
    }
}
