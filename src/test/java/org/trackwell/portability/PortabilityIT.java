package org.trackwell.portability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.ResourceType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.trackwell.audit.AuditTrailExport;
import org.trackwell.audit.StreamVerification;
import org.trackwell.audit.internal.Sealer;
import org.trackwell.identity.Accounts;
import org.trackwell.support.Api;
import org.trackwell.support.Https;
import org.trackwell.support.MutableClock;
import org.trackwell.support.TrackwellTest;
import org.trackwell.tenancy.Tenants;

/**
 * Taking data away, from the outside: a client's FHIR record validates against the base R4
 * resources and obeys reach and the identifier settings; the whole-tenant archive opens with gpg
 * and the password only, holds every module's marker of its tenant and none of another's, and
 * carries an audit trail that verifies; only a tenant admin who has just confirmed who they are
 * gets one.
 */
@TrackwellTest
class PortabilityIT {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final String ARCHIVE_PASSWORD = "quartz meadow falcon 58 harbour";

    @LocalServerPort
    int port;

    @Autowired
    Tenants tenants;

    @Autowired
    Accounts accounts;

    @Autowired
    MutableClock clock;

    @Autowired
    Sealer sealer;

    @Autowired
    TenantArchive tenantArchive;

    @TempDir
    Path directory;

    World here;

    @BeforeEach
    void service() {
        here = new World(Api.newTenant(new Https(port), tenants, accounts, "portable"), "here");
    }

    @Test
    void aClientsFhirRecordValidatesAgainstR4AndNamesThemByPseudonymOnly() {
        HttpResponse<String> response = here.api.get("/api/v1/clients/" + here.code + "/fhir", here.practitioner);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/fhir+json");

        Bundle bundle = FHIR.newJsonParser().parseResource(Bundle.class, response.body());
        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.COLLECTION);
        assertThat(errors(response.body())).isEmpty();
        assertThat(bundle.getEntry().stream().map(e -> e.getResource().getResourceType()))
                .contains(
                        ResourceType.Patient,
                        ResourceType.EpisodeOfCare,
                        ResourceType.QuestionnaireResponse,
                        ResourceType.Observation,
                        ResourceType.Goal,
                        ResourceType.MedicationRequest,
                        ResourceType.MedicationAdministration);
        assertThat(bundle.getEntry().stream()
                        .map(e -> e.getResource())
                        .filter(r -> r instanceof MedicationAdministration)
                        .map(r -> ((MedicationAdministration) r).getStatus()))
                .contains(
                        MedicationAdministration.MedicationAdministrationStatus.COMPLETED,
                        MedicationAdministration.MedicationAdministrationStatus.NOTDONE);
        Patient patient = patient(bundle);
        assertThat(patient.getIdentifierFirstRep().getValue()).isEqualTo(here.code);
        assertThat(patient.getName()).isEmpty();
        assertThat(response.body()).doesNotContain("Ada Lovelace").contains(here.marker("goal"));
        assertThat(here.api.auditActions()).contains("client.fhir-exported");
    }

    @Test
    void theTenantsIdentifierSettingsPutTheNameInThePatient() {
        String code = here.identifiedClient("Ada Lovelace");
        HttpResponse<String> response = here.api.get("/api/v1/clients/" + code + "/fhir", here.practitioner);
        assertThat(patient(FHIR.newJsonParser().parseResource(Bundle.class, response.body()))
                        .getNameFirstRep()
                        .getText())
                .isEqualTo("Ada Lovelace");
        assertThat(errors(response.body())).isEmpty();
    }

    @Test
    void aPractitionerCannotExportAClientOutOfReach() {
        String stranger = here.api.signIn(
                here.api.newUserInTeam(
                        here.admin, "Sam Stranger", here.api.newTeam(here.admin, "Elsewhere"), "PRACTITIONER"),
                Api.GOOD_PASSWORD);
        assertThat(here.api
                        .get("/api/v1/clients/" + here.code + "/fhir", stranger)
                        .statusCode())
                .isEqualTo(404);
        assertThat(here.api.get("/api/v1/fhir", here.practitioner).statusCode()).isEqualTo(403);
    }

    @Test
    void theWholeTenantAsFhirIsOneValidBundle() {
        HttpResponse<String> response = here.api.get("/api/v1/fhir", here.admin);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(errors(response.body())).isEmpty();
        assertThat(response.body()).contains(here.code);
        assertThat(here.api.auditActions()).contains("tenant.fhir-exported");
    }

    @Test
    void theArchiveOpensWithGpgAndItsPasswordOnlyAndHoldsTheWholeTenant() throws Exception {
        World there = new World(Api.newTenant(new Https(port), tenants, accounts, "elsewhere"), "there");
        HttpResponse<byte[]> response = archive(here.admin, ARCHIVE_PASSWORD);
        assertThat(response.statusCode()).isEqualTo(200);
        Path encrypted = directory.resolve("archive.zip.gpg");
        Files.write(encrypted, response.body());
        assertThat(new String(response.body(), StandardCharsets.ISO_8859_1)).doesNotContain(here.marker("note"));

        assertThat(gpg(encrypted, "wrong horse battery staple", directory.resolve("wrong.zip")))
                .isNotZero();
        Path zip = directory.resolve("archive.zip");
        assertThat(gpg(encrypted, ARCHIVE_PASSWORD, zip)).isZero();

        StringBuilder everything = new StringBuilder();
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(archive.entries())) {
                everything.append(new String(archive.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
            }
            assertThat(archive.getEntry("README.md")).isNotNull();
            assertThat(new String(archive.getInputStream(archive.getEntry("manifest.json"))
                            .readAllBytes()))
                    .contains("\"version\" : 1", "data/client.jsonl");
        }
        for (String module : World.MODULES) {
            assertThat(everything).as(module).contains(here.marker(module));
            assertThat(everything).as(module).doesNotContain(there.marker(module));
        }
        assertThat(here.api.auditActions()).contains("tenant.archive-exported");
    }

    @Test
    void theArchivedAuditTrailVerifiesOutsideTheDatabase() throws Exception {
        sealer.seal(here.api.tenant().id().value());
        Path zip = directory.resolve("archive.zip");
        Path encrypted = directory.resolve("archive.zip.gpg");
        Files.write(encrypted, archive(here.admin, ARCHIVE_PASSWORD).body());
        assertThat(gpg(encrypted, ARCHIVE_PASSWORD, zip)).isZero();
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            StreamVerification verification = AuditTrailExport.verify(
                    here.api.tenant().id().value(),
                    reader(archive, "audit/chain.jsonl"),
                    reader(archive, "audit/checkpoints.txt"),
                    new String(archive.getInputStream(archive.getEntry("audit/signing-key.pub"))
                            .readAllBytes()));
            assertThat(verification.ok()).as(verification.toString()).isTrue();
            assertThat(verification.entriesChecked()).isPositive();

            String altered = new String(archive.getInputStream(archive.getEntry("audit/chain.jsonl"))
                            .readAllBytes())
                    .replaceFirst("\"outcome\":\"SUCCESS\"", "\"outcome\":\"DENIED\"");
            assertThat(AuditTrailExport.verify(
                                    here.api.tenant().id().value(),
                                    new BufferedReader(new java.io.StringReader(altered)),
                                    reader(archive, "audit/checkpoints.txt"),
                                    new String(archive.getInputStream(archive.getEntry("audit/signing-key.pub"))
                                            .readAllBytes()))
                            .ok())
                    .isFalse();
        }
    }

    @Test
    void onlyATenantAdminWhoJustConfirmedWhoTheyAreGetsAnArchive() {
        assertThat(archive(here.practitioner, ARCHIVE_PASSWORD).statusCode()).isEqualTo(403);
        assertThat(archive(here.admin, "password1").statusCode()).isEqualTo(400);

        clock.advance(Duration.ofMinutes(6));
        HttpResponse<byte[]> unconfirmed = archive(here.admin, ARCHIVE_PASSWORD);
        assertThat(unconfirmed.statusCode()).isEqualTo(403);
        assertThat(new String(unconfirmed.body(), StandardCharsets.UTF_8)).contains("Confirm it is you");

        assertThat(here.api
                        .post("/api/v1/me/confirm", Api.json("password", Api.GOOD_PASSWORD), here.admin)
                        .statusCode())
                .isEqualTo(204);
        assertThat(archive(here.admin, ARCHIVE_PASSWORD).statusCode()).isEqualTo(200);
        HttpResponse<byte[]> again = archive(here.admin, ARCHIVE_PASSWORD);
        assertThat(again.statusCode()).isEqualTo(429);
        assertThat(again.headers().firstValue("Retry-After")).isPresent();
        assertThat(here.api.auditActions()).contains("tenant.archive-exported", "tenant.archive-refused");
    }

    @Test
    void anArchiveCutOffPartWayIsRecordedAsBroken() {
        OutputStream cutOff = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("the connection closed");
            }
        };
        assertThatThrownBy(() -> tenantArchive.write(here.api.tenant().id(), ARCHIVE_PASSWORD, cutOff))
                .isInstanceOf(java.io.UncheckedIOException.class);
        assertThat(here.api.auditActions()).contains("tenant.archive-broken").doesNotContain("tenant.archive-exported");
    }

    private HttpResponse<byte[]> archive(String token, String password) {
        return here.api
                .https()
                .sendForBytes(here.api
                        .https()
                        .request(here.api.host(), "/api/v1/archive", "Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(Api.json("password", password)))
                        .build());
    }

    /** Decrypts with GnuPG as the tenant would; its exit code. */
    private int gpg(Path encrypted, String password, Path out) throws Exception {
        return Gpg.decrypt(directory, encrypted, password, out);
    }

    private static BufferedReader reader(ZipFile archive, String name) throws IOException {
        return new BufferedReader(
                new InputStreamReader(archive.getInputStream(archive.getEntry(name)), StandardCharsets.UTF_8));
    }

    private static Patient patient(Bundle bundle) {
        return bundle.getEntry().stream()
                .map(Bundle.BundleEntryComponent::getResource)
                .filter(Patient.class::isInstance)
                .map(Patient.class::cast)
                .findFirst()
                .orElseThrow();
    }

    private static List<String> errors(String json) {
        ValidationSupportChain support = new ValidationSupportChain(
                new DefaultProfileValidationSupport(FHIR),
                new CommonCodeSystemsTerminologyService(FHIR),
                new InMemoryTerminologyServerValidationSupport(FHIR),
                new SnapshotGeneratingValidationSupport(FHIR));
        FhirValidator validator = FHIR.newValidator().registerValidatorModule(new FhirInstanceValidator(support));
        return validator.validateWithResult(json).getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .map(SingleValidationMessage::toString)
                .toList();
    }

    /** A tenant with one client whose record has something in every module, each with its own marker. */
    static final class World {

        static final List<String> MODULES = List.of("note", "session", "goal", "prescription", "user");

        final Api api;
        final String prefix;
        final String admin;
        final String team;
        final String practitioner;
        final String code;

        World(Api api, String prefix) {
            this.api = api;
            this.prefix = prefix;
            admin = api.signInAsAdmin();
            team = api.newTeam(admin, "Riverside");
            practitioner =
                    api.signIn(api.newUserInTeam(admin, "Pat Practitioner", team, "PRACTITIONER"), Api.GOOD_PASSWORD);
            api.newUserInTeam(admin, "Kim " + marker("user"), team, "CARER");
            String medicine = Api.read(ok(api.post(
                            "/api/v1/medicines",
                            Api.json(Map.of(
                                    "name", "Paracetamol", "form", "tablet", "strength", "500 mg", "route", "oral")),
                            admin)))
                    .get("id")
                    .asString();
            code = Api.read(ok(api.post("/api/v1/clients", Api.json(Map.of("teamId", team)), practitioner)))
                    .get("code")
                    .asString();
            ok(api.post(
                    of("/episodes"),
                    Api.json(Map.of(
                            "referredOn",
                            LocalDate.now(ZoneId.of("Europe/London")).toString())),
                    practitioner));
            ok(api.post(of("/notes"), Api.json(Map.of("text", marker("note"))), practitioner));
            String session = Api.read(ok(api.post(
                            of("/sessions"),
                            Api.json(Map.of(
                                    "startsAt",
                                            Instant.now()
                                                    .minus(Duration.ofHours(1))
                                                    .toString(),
                                    "type", "ASSESSMENT",
                                    "mode", "VIDEO",
                                    "attendance", "ATTENDED",
                                    "notes", marker("session"))),
                            practitioner)))
                    .get("id")
                    .asString();
            Map<String, Integer> answers = new LinkedHashMap<>();
            for (int item = 1; item <= 9; item++) {
                answers.put(Integer.toString(item), item % 3);
            }
            ok(api.post(
                    of("/sessions/" + session + "/measures"),
                    Api.json(Map.of("measure", "PHQ-9", "answers", answers)),
                    practitioner));
            ok(api.post(of("/goals"), Api.json(Map.of("kind", "GOAL", "wording", marker("goal"))), practitioner));
            Map<String, Object> prescription = new HashMap<>();
            prescription.put("medicineId", medicine);
            prescription.put("dose", "1");
            prescription.put("unit", "tablets");
            prescription.put("startsOn", LocalDate.now().minusDays(1).toString());
            prescription.put("prescriber", "Dr Example");
            prescription.put("instructions", marker("prescription"));
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
            String prescribed = Api.read(ok(api.post(of("/prescriptions"), Api.json(prescription), practitioner)))
                    .get("id")
                    .asString();
            ok(api.post(
                    of("/doses"),
                    Api.json(Map.of(
                            "prescriptionId", prescribed, "outcome", "GIVEN", "amount", "1", "personConfirmed", true)),
                    practitioner));
            ok(api.post(
                    of("/doses"),
                    Api.json(Map.of(
                            "prescriptionId",
                            prescribed,
                            "outcome",
                            "NOT_GIVEN",
                            "reason",
                            "REFUSED",
                            "personConfirmed",
                            true)),
                    practitioner));
        }

        String marker(String module) {
            return "zq" + prefix + module + "mark";
        }

        String identifiedClient(String name) {
            ok(api.put(
                    "/api/v1/client-settings",
                    Api.json(Map.of("identifiers", List.of("NAME"), "demographics", List.of())),
                    admin));
            return Api.read(ok(api.post(
                            "/api/v1/clients",
                            Api.json(Map.of("teamId", team, "identifiers", Map.of("name", name))),
                            practitioner)))
                    .get("code")
                    .asString();
        }

        private String of(String path) {
            return "/api/v1/clients/" + code + path;
        }

        private static HttpResponse<String> ok(HttpResponse<String> response) {
            assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
            return response;
        }
    }
}
