package org.trackwell.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.trackwell.identity.Accounts;
import org.trackwell.support.Api;
import org.trackwell.support.Https;
import org.trackwell.support.TestImages;
import org.trackwell.support.TestPostgres;
import org.trackwell.support.TrackwellTest;
import org.trackwell.tenancy.Tenants;

/**
 * Every field where someone types free text about a client, in every module, written through the
 * API with a marker of its own: no marker is anywhere in the database, in the clear or as bytes,
 * and each reads back opened to the user who may see it; text that looks identifying is refused
 * until the user says they mean it. A new field joins by a line in {@link #FIELDS}; a column of the
 * schema that could hold text and is not one of them must be in {@link #NOT_FREE_TEXT}, with why.
 * {@link LogsCarryNoClientDataIT} writes every field in {@link #FIELDS} too, and searches the log.
 */
@TrackwellTest
class FreeTextSealedIT {

    /** Looks identifying: a first name and a surname. */
    static final String IDENTIFYING = "Spoke with Sarah Thompson about it";

    /** A free-text field: the sealed column it is stored in, how the API writes it and where it shows it. */
    record FreeText(String column, boolean warns, Writer write, Function<Service, String> shownAt) {}

    @FunctionalInterface
    interface Writer {
        HttpResponse<String> write(Service service, String text, boolean acknowledged);
    }

    static final List<FreeText> FIELDS = List.of(
            new FreeText(
                    "client.reference",
                    true,
                    (s, text, ack) -> s.newClient("reference", text, ack),
                    Service::latestClient),
            new FreeText(
                    "client.name", false, (s, text, ack) -> s.newClientIdentifier("name", text), Service::latestClient),
            new FreeText(
                    "client.address",
                    false,
                    (s, text, ack) -> s.newClientIdentifier("address", text),
                    Service::latestClient),
            new FreeText(
                    "client.demographics_text",
                    true,
                    (s, text, ack) -> s.newClientDemographic("FIRST_LANGUAGE", text, ack),
                    Service::latestClient),
            new FreeText(
                    "client.demographics_text",
                    true,
                    (s, text, ack) -> s.newClientDemographic("PRESENTING_PROBLEMS", List.of(text), ack),
                    Service::latestClient),
            new FreeText(
                    "client.demographics_text",
                    true,
                    (s, text, ack) -> s.newClientDemographic("CURRENT_MEDICATION", List.of(text), ack),
                    Service::latestClient),
            new FreeText("episode.referral_source", true, Service::openEpisode, s -> s.ofLatestClient("/episodes")),
            new FreeText("client_risk.note", true, Service::risk, s -> s.ofClient("/risk")),
            new FreeText("client_note.text", true, Service::caseNote, s -> s.ofClient("/notes")),
            new FreeText("client_session.notes", true, Service::session, s -> s.ofClient("/sessions")),
            new FreeText("client_goal_wording.text", true, Service::goal, s -> s.ofClient("/goals")),
            new FreeText("client_goal_wording.text", true, Service::reword, s -> s.ofClient("/goals")),
            new FreeText("prescription.instructions", true, Service::instructions, s -> s.ofClient("/prescriptions")),
            new FreeText("prescription.prescriber", false, Service::prescriber, s -> s.ofClient("/prescriptions")),
            new FreeText("prescription.prn_indication", true, Service::indication, s -> s.ofClient("/prescriptions")),
            new FreeText("prescription.stop_reason", true, Service::stop, s -> s.ofClient("/prescriptions")),
            new FreeText("prescription.stop_reason", true, Service::change, s -> s.ofClient("/prescriptions")),
            new FreeText("dose_record.note", true, Service::doseNote, Service::doses),
            new FreeText("dose_record.override_reason", true, Service::override, Service::doses),
            new FreeText("dose_record.correction_reason", true, Service::correction, Service::doses),
            new FreeText("stock_movement.reason", true, Service::removal, Service::register),
            new FreeText(
                    "client.preferred_name",
                    false,
                    (s, text, ack) -> s.identification(text, s.room, ack),
                    s -> s.ofClient("/identification")),
            new FreeText(
                    "client.room",
                    true,
                    (s, text, ack) -> s.identification(s.preferredName, text, ack),
                    s -> s.ofClient("/identification")));

    /**
     * Columns that could hold text and are not free text about a client, with why; "table.*" for a
     * table that holds none.
     */
    static final Map<String, String> NOT_FREE_TEXT = Map.ofEntries(
            Map.entry("flyway_schema_history.*", "the migrations run"),
            Map.entry("tenant.*", "the service's name and host"),
            Map.entry("tenant_host.*", "host names"),
            Map.entry(
                    "tenant_closure.*",
                    "a closure's progress: the requesting admin's name, times, the time zone, the audit trail's last"
                            + " checkpoint and the rows removed by table, as its certificate says"),
            Map.entry("tenant_data_key.*", "tenant keys, wrapped by the master key"),
            Map.entry("client_data_key.*", "client keys, wrapped by the tenant's key"),
            Map.entry("user_account.*", "staff and operator accounts"),
            Map.entry("user_role.*", "staff roles"),
            Map.entry("account_setup_token.*", "token hashes"),
            Map.entry("password_history.*", "password hashes"),
            Map.entry("team.*", "team names"),
            Map.entry(
                    "client_details_change.*",
                    "which of a client's details changed, as field codes, and who changed them: never the values"),
            Map.entry("api_client.*", "a service account's name, scopes and teams: staff configuration, no client"),
            Map.entry("api_client_key.*", "the keyed hash of a service account's key"),
            Map.entry("user_session.*", "token hashes"),
            Map.entry("sign_in_failure_by_address.*", "addresses"),
            Map.entry("blocked_address.*", "addresses"),
            Map.entry("password_reset_by_address.*", "addresses"),
            Map.entry("security_policy.*", "the service's security policy"),
            Map.entry("terms_of_use.*", "the service's terms"),
            Map.entry("terms_acceptance.*", "versions of the terms"),
            Map.entry("tenant_terms.*", "the service's own terms, written by its admins for every user"),
            Map.entry(
                    "totp_factor.*", "authenticator secrets, sealed under the tenant key (operators': the master key)"),
            Map.entry("recovery_code.*", "code hashes"),
            Map.entry("sign_in_challenge.*", "token hashes"),
            Map.entry("passkey.*", "staff passkeys and the names staff give them"),
            Map.entry("passkey_ceremony.*", "WebAuthn challenges"),
            Map.entry("audit_event.*", "actions and pseudonymous targets, never text anyone typed"),
            Map.entry("audit_seal.*", "hashes"),
            Map.entry("audit_checkpoint.*", "hashes and signatures"),
            Map.entry("monitoring_check_result.*", "what the integrity checks found, about the installation"),
            Map.entry("monitoring_baseline.*", "fingerprints and hashes the checks compare against"),
            Map.entry(
                    "monitoring_alert.*",
                    "alerts written by the product with pseudonymous identifiers, and staff notes on them"),
            Map.entry("monitoring_webhook.*", "addresses, chosen events and sealed secrets of webhooks"),
            Map.entry(
                    "mail_outbox.*",
                    "e-mail not yet delivered: recipient and text sealed under the master key, the service's fixed"
                            + " subject, what the mail server did; deleted once sent, discarded or three days given up"),
            Map.entry("cluster_job.*", "the name of a scheduled job and the node that last ran it"),
            Map.entry("activity_rule_setting.rule", "the name of a suspicious-activity rule, one of a fixed list"),
            Map.entry("working_hours.days", "the working days, as numbers"),
            Map.entry("help_tip_dismissed.tip", "the anchor of a part of the help, one of a fixed list"),
            Map.entry("module_used.module", "the name of a module a service may switch off, one of a fixed list"),
            Map.entry("measure_off_for_team.measure", "the id of a measure in the service's catalogue, such as PHQ-9"),
            Map.entry(
                    "setup_survey_answer.*",
                    "the implementation survey's answers: the settings chosen, session type and team names, and the"
                            + " staff to invite (names and work e-mail addresses); nothing about clients"),
            Map.entry("monitoring_webhook_delivery.*", "alerts and pseudonymous events as posted to webhooks"),
            Map.entry(
                    "tenant_closure_request.reason",
                    "why a tenant admin asked for the service to close, about the service and not a client; removed"
                            + " when it closes"),
            Map.entry("client.code", "the pseudonym code"),
            Map.entry(
                    "erasure_request.reason",
                    "why an admin asked for the erasure, sealed under the client's key so that it goes with the rest"),
            Map.entry("erasure_request.client_code", "the pseudonym code"),
            Map.entry(
                    "retention_extension.reason",
                    "why an admin kept a record longer, sealed under the client's key so that it goes with the rest"),
            Map.entry(
                    "erasure_request.certificate",
                    "the signed certificate: codes, dates and staff names, nothing about the client"),
            Map.entry("client.reference_index", "a blind index"),
            Map.entry("client.nhs_number_index", "a blind index"),
            Map.entry("client.email_index", "a blind index"),
            Map.entry("client.date_of_birth", "an identifier in a fixed form, sealed"),
            Map.entry("client.nhs_number", "an identifier in a fixed form, sealed"),
            Map.entry("client.email", "an identifier in a fixed form, sealed"),
            Map.entry("client.phone", "an identifier in a fixed form, sealed"),
            Map.entry("client.demographics", "choices from fixed lists and the year of birth, kept for reports"),
            Map.entry("client.risk_level", "a rating"),
            Map.entry("client_settings.*", "which identifiers and demographics the service records"),
            Map.entry("episode.stage", "a stage"),
            Map.entry("episode.closure_reason", "a reason from a fixed list"),
            Map.entry("client_risk.level", "a rating"),
            Map.entry("client_consent.purpose", "a purpose from a fixed list"),
            Map.entry("client_note.kind", "case or session"),
            Map.entry("client_flag.source", "the module that raised it"),
            Map.entry("client_flag.message", "written by the product, with the pseudonym code only"),
            Map.entry("event_publication.event_type", "the Java type of an event between modules"),
            Map.entry("event_publication.listener_id", "the method that handles it"),
            Map.entry(
                    "event_publication.serialized_event",
                    "ids and words the product writes (a concern's message, as client_flag.message), deleted once handled"),
            Map.entry("event_publication.status", "the registry's state of the event"),
            Map.entry("outcome_settings.*", "the service's measures"),
            Map.entry("session_type.*", "the service's session types"),
            Map.entry("tenant_measure.*", "measures the service imported or built"),
            Map.entry("client_session.session_type", "a session type's code"),
            Map.entry("client_session.mode", "a mode from a fixed list"),
            Map.entry("client_session.attendance", "an attendance from a fixed list"),
            Map.entry("client_session.planned_measures", "measure ids"),
            Map.entry("measure_answer.measure_id", "a measure id"),
            Map.entry("measure_draft.measure_id", "a measure id"),
            Map.entry("measure_draft.answers", "item scores of a questionnaire kept as a draft, sealed"),
            Map.entry("measure_answer.answers", "item scores, sealed"),
            Map.entry("measure_answer.band", "the measure's band for the total"),
            Map.entry("measure_answer.completed_by", "who completed it"),
            Map.entry("episode_scores.measure_id", "a measure id"),
            Map.entry("episode_scores.latest_band", "the measure's band for the latest total"),
            Map.entry("client_primary_measure.measure_id", "a measure id"),
            Map.entry("client_goal.kind", "goal or problem"),
            Map.entry("client_goal.duration", "a duration from a fixed list"),
            Map.entry("client_goal_rating.completed_by", "who completed it"),
            Map.entry("client_link.token_hash", "a token hash"),
            Map.entry("client_link.kind", "measures or charts"),
            Map.entry("client_link.measures", "measure ids"),
            Map.entry("client_link.pin_hash", "a PIN hash"),
            Map.entry("client_link.sent_for", "before or after a session"),
            Map.entry("client_photo.content_type", "JPEG or PNG"),
            Map.entry("client_photo.photo", "the client's photo, sealed under their key: the dump test finds none"),
            Map.entry("medication_settings.*", "the service's medication settings"),
            Map.entry("medicine.*", "the service's catalogue of medicines"),
            Map.entry("prescription.unit", "the dose's unit, such as tablets or ml"),
            Map.entry("prescription.route", "the route, such as oral"),
            Map.entry("prescription.kind", "regular or as needed"),
            Map.entry("prescription.schedule", "times, days and doses"),
            Map.entry("dose_record.outcome", "given or not"),
            Map.entry("dose_record.reason", "a reason from a fixed list"),
            Map.entry("prn_effect.effect", "an answer from a fixed list"),
            Map.entry("stock_movement.kind", "a kind from a fixed list"),
            Map.entry("stock_movement.batch", "the pharmacy's batch number of the pack"),
            Map.entry("medication_alert.kind", "a kind from a fixed list"),
            Map.entry("medication_alert.message", "written by the product, with the pseudonym code and medicine only"));

    @LocalServerPort
    int port;

    @Autowired
    Tenants tenants;

    @Autowired
    Accounts accounts;

    @Autowired
    TenantKeyRotation rotation;

    Service service;

    @BeforeEach
    void service() {
        service = new Service(Api.newTenant(new Https(port), tenants, accounts, "freetext"));
    }

    @Test
    void everyFreeTextFieldIsStoredOnlySealedAndReadsBackOpenedAlsoAfterTheTenantKeyIsRotated()
            throws InterruptedException {
        Map<String, String> shownAt = new HashMap<>();
        for (FreeText field : FIELDS) {
            if (field.warns()) {
                HttpResponse<String> warned = field.write().write(service, IDENTIFYING, false);
                assertThat(warned.statusCode())
                        .as(field.column() + " warns before saving text that looks identifying: " + warned.body())
                        .isEqualTo(422);
                assertThat(Api.read(warned).get("title").asString()).isEqualTo("Looks identifying");
                HttpResponse<String> meant = field.write().write(service, IDENTIFYING, true);
                assertThat(meant.statusCode())
                        .as(field.column() + " saves it once the user says they mean it: " + meant.body())
                        .isBetween(200, 299);
            }
            String marker = marker();
            HttpResponse<String> written = field.write().write(service, marker, false);
            assertThat(written.statusCode())
                    .as(field.column() + ": " + written.body())
                    .isBetween(200, 299);
            String path = field.shownAt().apply(service);
            assertThat(service.api.get(path, service.practitioner).body())
                    .as(field.column() + " reads back opened")
                    .contains(marker);
            shownAt.put(marker, path);
        }

        byte[] photo = TestImages.png(8, 8);
        assertThat(service.photo(photo).statusCode()).isEqualTo(204);

        String dump = TestPostgres.dumpEveryTable(TestPostgres.DATABASE);
        assertThat(dump).doesNotContain("Sarah Thompson");
        assertThat(dump)
                .as("the photo is stored only sealed")
                .doesNotContain(HexFormat.of().formatHex(photo));
        for (String marker : shownAt.keySet()) {
            assertThat(dump)
                    .doesNotContain(marker)
                    .doesNotContain(HexFormat.of().formatHex(marker.getBytes(StandardCharsets.UTF_8)));
        }
        assertThat(service.api.auditActions()).contains("pii-warning.overridden");

        rotation.rotate(service.api.tenant(), Duration.ZERO);
        shownAt.forEach((marker, path) -> assertThat(
                        service.api.get(path, service.practitioner).body())
                .as(path + " after rotation")
                .contains(marker));
    }

    @Test
    void everyColumnThatCouldHoldTextIsAFieldAboveOrSaysWhyItIsNot() {
        Set<String> sealed = FIELDS.stream().map(FreeText::column).collect(Collectors.toSet());
        Map<String, String> types = new HashMap<>();
        JdbcClient.create(TestPostgres.asSuperuser())
                .sql("""
                        select c.table_name || '.' || c.column_name as name, c.data_type from information_schema.columns c
                        join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                        where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
                          and c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'bytea', 'ARRAY')""")
                .query((row, n) -> types.put(row.getString("name"), row.getString("data_type")))
                .list();
        Set<String> unexplained = new TreeSet<>();
        types.keySet().forEach(column -> {
            if (!sealed.contains(column)
                    && !NOT_FREE_TEXT.containsKey(column)
                    && !NOT_FREE_TEXT.containsKey(column.substring(0, column.indexOf('.')) + ".*")) {
                unexplained.add(column + " (" + types.get(column) + ")");
            }
        });
        assertThat(unexplained)
                .as("columns that could hold text: add each to FIELDS (free text about a client, sealed, with a"
                        + " writer) or to NOT_FREE_TEXT with why")
                .isEmpty();
        sealed.forEach(column ->
                assertThat(types.get(column)).as(column + " is stored sealed").isEqualTo("bytea"));
        Set<String> tables = types.keySet().stream()
                .map(column -> column.substring(0, column.indexOf('.')) + ".*")
                .collect(Collectors.toSet());
        assertThat(NOT_FREE_TEXT.keySet().stream()
                        .filter(entry -> !types.containsKey(entry) && !tables.contains(entry))
                        .toList())
                .as("entries of NOT_FREE_TEXT for columns that no longer hold text")
                .isEmpty();
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Lower-case letters only, which nothing takes for a name, a date or a number. */
    private static String marker() {
        StringBuilder marker = new StringBuilder("mark");
        for (int i = 0; i < 16; i++) {
            marker.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return marker.toString();
    }

    /** One tenant with a practitioner and a client, and how each field is written and read. */
    static final class Service {

        final Api api;
        final String practitioner;
        final String team;
        final String code;
        final String medicine;
        final String asNeeded;
        final String oncePerDay;

        @Nullable
        String latestClient;

        String preferredName = "Ann";
        String room = "Room 12";

        Service(Api api) {
            this.api = api;
            String admin = api.signInAsAdmin();
            team = api.newTeam(admin, "Riverside");
            practitioner =
                    api.signIn(api.newUserInTeam(admin, "Pat Practitioner", team, "PRACTITIONER"), Api.GOOD_PASSWORD);
            ok(api.put(
                    "/api/v1/client-settings",
                    Api.json(Map.of(
                            "identifiers",
                            List.of("NAME", "ADDRESS"),
                            "demographics",
                            List.of("GENDER", "FIRST_LANGUAGE", "PRESENTING_PROBLEMS", "CURRENT_MEDICATION"))),
                    admin));
            HttpResponse<String> added = ok(api.post(
                    "/api/v1/medicines",
                    Api.json(Map.of("name", "Paracetamol", "form", "tablet", "strength", "500 mg", "route", "oral")),
                    admin));
            medicine = Api.read(added).get("id").asString();
            code = Api.read(ok(api.post("/api/v1/clients", Api.json(Map.of("teamId", team)), practitioner)))
                    .get("code")
                    .asString();
            ok(api.post(
                    "/api/v1/clients/" + code + "/episodes",
                    Api.json(Map.of(
                            "referredOn",
                            LocalDate.now(ZoneId.of("Europe/London")).toString())),
                    practitioner));
            asNeeded = prescribe(asNeededBody("pain", 50));
            oncePerDay = prescribe(asNeededBody("pain", 1));
            ok(dose(oncePerDay, Map.of()));
        }

        String latestClient() {
            return "/api/v1/clients/" + latestClient;
        }

        String ofLatestClient(String path) {
            return latestClient() + path;
        }

        String ofClient(String path) {
            return "/api/v1/clients/" + code + path;
        }

        String doses() {
            Instant now = Instant.now();
            return ofClient("/doses?from=" + now.minus(Duration.ofDays(1)) + "&to=" + now.plus(Duration.ofDays(1)));
        }

        String register() {
            return ofClient("/stock/" + medicine + "/register");
        }

        HttpResponse<String> newClient(String field, Object value, boolean acknowledged) {
            return created(Map.of("teamId", team, field, value, "acknowledgeIdentifying", acknowledged));
        }

        HttpResponse<String> newClientIdentifier(String identifier, String value) {
            return created(Map.of("teamId", team, "identifiers", Map.of(identifier, value)));
        }

        HttpResponse<String> newClientDemographic(String demographic, Object value, boolean acknowledged) {
            return created(Map.of(
                    "teamId",
                    team,
                    "demographics",
                    Map.of(demographic, value, "GENDER", "Woman"),
                    "acknowledgeIdentifying",
                    acknowledged));
        }

        HttpResponse<String> openEpisode(String source, boolean acknowledged) {
            ok(created(Map.of("teamId", team)));
            return api.post(
                    ofLatestClient("/episodes"),
                    Api.json(Map.of(
                            "referredOn",
                            LocalDate.now(ZoneId.of("Europe/London")).toString(),
                            "referralSource",
                            source,
                            "acknowledgeIdentifying",
                            acknowledged)),
                    practitioner);
        }

        HttpResponse<String> risk(String note, boolean acknowledged) {
            return api.post(
                    ofClient("/risk"),
                    Api.json(Map.of("level", "LOW", "note", note, "acknowledgeIdentifying", acknowledged)),
                    practitioner);
        }

        HttpResponse<String> caseNote(String text, boolean acknowledged) {
            return api.post(
                    ofClient("/notes"),
                    Api.json(Map.of("text", text, "acknowledgeIdentifying", acknowledged)),
                    practitioner);
        }

        HttpResponse<String> session(String notes, boolean acknowledged) {
            return api.post(
                    ofClient("/sessions"),
                    Api.json(Map.of(
                            "startsAt",
                            Instant.now().minus(Duration.ofHours(1)).toString(),
                            "type",
                            "ASSESSMENT",
                            "mode",
                            "VIDEO",
                            "notes",
                            notes,
                            "acknowledgeIdentifying",
                            acknowledged)),
                    practitioner);
        }

        HttpResponse<String> goal(String wording, boolean acknowledged) {
            return api.post(
                    ofClient("/goals"),
                    Api.json(Map.of("kind", "PROBLEM", "wording", wording, "acknowledgeIdentifying", acknowledged)),
                    practitioner);
        }

        HttpResponse<String> reword(String wording, boolean acknowledged) {
            String goal = Api.read(ok(goal("sleep through the night", false)))
                    .get("id")
                    .asString();
            return api.put(
                    ofClient("/goals/" + goal),
                    Api.json(Map.of("wording", wording, "acknowledgeIdentifying", acknowledged)),
                    practitioner);
        }

        HttpResponse<String> instructions(String text, boolean acknowledged) {
            Map<String, Object> body = regularBody();
            body.put("instructions", text);
            body.put("acknowledgeIdentifying", acknowledged);
            return api.post(ofClient("/prescriptions"), Api.json(body), practitioner);
        }

        HttpResponse<String> prescriber(String text, boolean acknowledged) {
            Map<String, Object> body = regularBody();
            body.put("prescriber", text);
            return api.post(ofClient("/prescriptions"), Api.json(body), practitioner);
        }

        HttpResponse<String> indication(String text, boolean acknowledged) {
            Map<String, Object> body = asNeededBody(text, 4);
            body.put("acknowledgeIdentifying", acknowledged);
            return api.post(ofClient("/prescriptions"), Api.json(body), practitioner);
        }

        HttpResponse<String> stop(String reason, boolean acknowledged) {
            return api.post(
                    ofClient("/prescriptions/" + prescribe(regularBody()) + "/stop"),
                    Api.json(Map.of("reason", reason, "acknowledgeIdentifying", acknowledged)),
                    practitioner);
        }

        HttpResponse<String> change(String reason, boolean acknowledged) {
            Map<String, Object> body = regularBody();
            body.put("reason", reason);
            body.put("acknowledgeIdentifying", acknowledged);
            return api.post(
                    ofClient("/prescriptions/" + prescribe(regularBody()) + "/change"), Api.json(body), practitioner);
        }

        HttpResponse<String> doseNote(String note, boolean acknowledged) {
            return dose(asNeeded, Map.of("note", note, "acknowledgeIdentifying", acknowledged));
        }

        /** The once-a-day medicine was given at set-up, so another dose today needs a reason. */
        HttpResponse<String> override(String reason, boolean acknowledged) {
            return dose(oncePerDay, Map.of("overrideReason", reason, "acknowledgeIdentifying", acknowledged));
        }

        HttpResponse<String> correction(String reason, boolean acknowledged) {
            String given = Api.read(ok(dose(asNeeded, Map.of()))).get("id").asString();
            return api.post(
                    ofClient("/doses/" + given + "/corrections"),
                    Api.json(Map.of(
                            "outcome",
                            "GIVEN",
                            "amount",
                            "2",
                            "correctionReason",
                            reason,
                            "acknowledgeIdentifying",
                            acknowledged)),
                    practitioner);
        }

        /** The preferred name and the room are written together; each writer keeps the other's value. */
        HttpResponse<String> identification(String name, String place, boolean acknowledged) {
            HttpResponse<String> response = api.put(
                    ofClient("/identification"),
                    Api.json(Map.of("preferredName", name, "room", place, "acknowledgeIdentifying", acknowledged)),
                    practitioner);
            if (response.statusCode() == 200) {
                preferredName = name;
                room = place;
            }
            return response;
        }

        HttpResponse<String> photo(byte[] image) {
            return api.https()
                    .send(api.https()
                            .request(api.host(), ofClient("/photo"), "Authorization", "Bearer " + practitioner)
                            .header("Content-Type", "image/png")
                            .PUT(java.net.http.HttpRequest.BodyPublishers.ofByteArray(image))
                            .build());
        }

        HttpResponse<String> removal(String reason, boolean acknowledged) {
            return api.post(
                    ofClient("/stock/removals"),
                    Api.json(Map.of(
                            "medicineId",
                            medicine,
                            "kind",
                            "DISPOSAL",
                            "quantity",
                            "1",
                            "reason",
                            reason,
                            "acknowledgeIdentifying",
                            acknowledged)),
                    practitioner);
        }

        private HttpResponse<String> created(Map<String, Object> body) {
            HttpResponse<String> response = api.post("/api/v1/clients", Api.json(body), practitioner);
            if (response.statusCode() == 201) {
                latestClient = Api.read(response).get("code").asString();
            }
            return response;
        }

        private HttpResponse<String> dose(String prescription, Map<String, Object> extra) {
            Map<String, Object> body = new HashMap<>(extra);
            body.put("prescriptionId", prescription);
            body.put("outcome", "GIVEN");
            body.put("amount", "1");
            body.put("personConfirmed", true);
            return api.post(ofClient("/doses"), Api.json(body), practitioner);
        }

        private String prescribe(Map<String, Object> body) {
            return Api.read(ok(api.post(ofClient("/prescriptions"), Api.json(body), practitioner)))
                    .get("id")
                    .asString();
        }

        private Map<String, Object> regularBody() {
            Map<String, Object> body = new HashMap<>();
            body.put("medicineId", medicine);
            body.put("dose", "1");
            body.put("unit", "tablets");
            body.put("startsOn", LocalDate.now().toString());
            body.put("prescriber", "Dr Example");
            body.put("kind", "REGULAR");
            body.put("schedule", Map.of("kind", "TIMES_OF_DAY", "times", List.of("08:00")));
            return body;
        }

        private Map<String, Object> asNeededBody(String indication, int maxPerDay) {
            Map<String, Object> body = new HashMap<>();
            body.put("medicineId", medicine);
            body.put("dose", "1");
            body.put("unit", "ml");
            body.put("startsOn", LocalDate.now().minusDays(1).toString());
            body.put("prescriber", "Dr Example");
            body.put("kind", "PRN");
            body.put(
                    "prn",
                    Map.of(
                            "indication",
                            indication,
                            "minDose",
                            "1",
                            "maxDose",
                            "10",
                            "minIntervalMinutes",
                            0,
                            "maxDosesPerDay",
                            maxPerDay));
            return body;
        }

        private static HttpResponse<String> ok(HttpResponse<String> response) {
            assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
            return response;
        }
    }
}
