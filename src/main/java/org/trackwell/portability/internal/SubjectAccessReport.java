package org.trackwell.portability.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.trackwell.audit.AuditEntry;
import org.trackwell.audit.AuditTrail;
import org.trackwell.clients.ClientRef;
import org.trackwell.identity.Accounts;
import org.trackwell.identity.User;
import org.trackwell.shared.SectionedPdf;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a subject access archive holds: every row about the client in every module, sealed text
 * opened ({@link SubjectRows}); the identifiers the tenant keeps; and who accessed the record and
 * when, as the client's access log reads it. The same facts twice: {@code subject-access.json} for
 * machines and {@code subject-access.pdf} for people.
 */
@Component
class SubjectAccessReport {

    /** The most audit entries the report lists: far more than any record gathers. */
    static final int ACCESS_ENTRIES = 100_000;

    private static final int VERSION = 1;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Each module's tables in people's words; a table not named here is headed by its own name. */
    private static final Map<String, String> HEADINGS = Map.ofEntries(
            Map.entry("client", "The record"),
            Map.entry("client_photo", "Photo"),
            Map.entry("client_allocation", "Practitioners allocated"),
            Map.entry("client_consent", "Consent"),
            Map.entry("client_flag", "Flags"),
            Map.entry("client_risk", "Risk"),
            Map.entry("client_note", "Notes"),
            Map.entry("episode", "Episodes of care"),
            Map.entry("episode_follow_up", "Follow-ups"),
            Map.entry("client_session", "Sessions"),
            Map.entry("client_link", "Links sent to the client"),
            Map.entry("client_primary_measure", "Main measure"),
            Map.entry("measure_answer", "Measures answered and their scores"),
            Map.entry("episode_scores", "First and latest score on each measure, per episode"),
            Map.entry("measure_draft", "Measures started but not finished"),
            Map.entry("client_goal", "Goals and problems"),
            Map.entry("client_goal_wording", "Wording of goals and problems"),
            Map.entry("client_goal_rating", "Ratings of goals and problems"),
            Map.entry("prescription", "Medication prescribed"),
            Map.entry("dose_record", "Doses given and not given (the MAR)"),
            Map.entry("missed_dose", "Doses missed"),
            Map.entry("prn_effect", "Effect of as-needed doses"),
            Map.entry("stock_movement", "Medication stock"),
            Map.entry("medication_alert", "Medication alerts"),
            Map.entry("erasure_request", "Erasure requests"),
            Map.entry("retention_extension", "Retention extensions"));

    private final SubjectRows rows;
    private final ClinicalRows clinical;
    private final AuditTrail trail;
    private final Accounts accounts;

    SubjectAccessReport(SubjectRows rows, ClinicalRows clinical, AuditTrail trail, Accounts accounts) {
        this.rows = rows;
        this.clinical = clinical;
        this.trail = trail;
        this.accounts = accounts;
    }

    void write(ClientRef client, Instant at, EncryptedArchive archive) {
        Map<String, List<ObjectNode>> records = rows.of(client.id());
        Map<String, String> identifiers = clinical.client(client.id(), clinical.identifiersOn())
                .map(ClinicalRows.Client::identifiers)
                .orElse(Map.of());
        List<ObjectNode> access = access(client);
        ObjectNode json = json(client, at, identifiers, records, access);
        archive.file("README.md", line -> {
            readme(client, at).forEach(line);
            return 0L;
        });
        archive.file("subject-access.json", line -> {
            line.accept(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json));
            return 1L;
        });
        archive.bytes("subject-access.pdf", pdf(client, at, identifiers, records, access));
    }

    private List<ObjectNode> access(ClientRef client) {
        Map<String, String> names = accounts.list().stream()
                .collect(Collectors.toMap(user -> user.id().value().toString(), User::displayName));
        List<ObjectNode> entries = new ArrayList<>();
        for (AuditEntry entry :
                trail.about(client.auditTarget(), ACCESS_ENTRIES).reversed()) {
            ObjectNode node = JSON.createObjectNode();
            node.put("at", entry.occurredAt().toString());
            node.put("who", who(entry, names));
            node.put("role", entry.actorRole());
            node.put("action", entry.action());
            node.put("outcome", entry.outcome());
            entries.add(node);
        }
        return entries;
    }

    private static String who(AuditEntry entry, Map<String, String> names) {
        return Optional.ofNullable(entry.actorId())
                .map(id -> names.getOrDefault(id, entry.actorType().toLowerCase(Locale.ROOT) + " " + id))
                .orElse(entry.actorType().toLowerCase(Locale.ROOT));
    }

    private static ObjectNode json(
            ClientRef client,
            Instant at,
            Map<String, String> identifiers,
            Map<String, List<ObjectNode>> records,
            List<ObjectNode> access) {
        ObjectNode json = JSON.createObjectNode();
        json.put("format", "trackwell-subject-access");
        json.put("version", VERSION);
        json.put("produced_at", at.toString());
        json.put("client", client.code().toString());
        ObjectNode kept = json.putObject("identifiers");
        identifiers.forEach(kept::put);
        ObjectNode data = json.putObject("records");
        records.forEach((table, list) -> data.putArray(table).addAll(list));
        ArrayNode log = json.putArray("access");
        log.addAll(access);
        return json;
    }

    private static byte[] pdf(
            ClientRef client,
            Instant at,
            Map<String, String> identifiers,
            Map<String, List<ObjectNode>> records,
            List<ObjectNode> access) {
        List<SectionedPdf.Section> sections = new ArrayList<>();
        sections.add(new SectionedPdf.Section(
                "About this report",
                List.of(
                        "Everything this service held in Trackwell about client " + client.code() + " at " + at
                                + " (UTC): every part of the record, and everyone who opened or changed it.",
                        "Times are in UTC. The file subject-access.json beside this one holds the same facts"
                                + " for computers.")));
        sections.add(new SectionedPdf.Section(
                "Identifying details",
                identifiers.isEmpty()
                        ? List.of("The service keeps no identifying details in Trackwell: only the code.")
                        : identifiers.entrySet().stream()
                                .map(e -> words(e.getKey()) + ": " + e.getValue())
                                .toList()));
        records.forEach((table, list) -> sections.add(new SectionedPdf.Section(
                HEADINGS.getOrDefault(table, words(table)),
                list.stream().map(SubjectAccessReport::line).toList())));
        sections.add(new SectionedPdf.Section(
                "Who accessed the record",
                access.isEmpty()
                        ? List.of("Nobody.")
                        : access.stream()
                                .map(e -> e.get("at").asString() + "  "
                                        + e.get("who").asString() + "  "
                                        + e.get("action").asString() + " ("
                                        + e.get("outcome").asString() + ")")
                                .toList()));
        return SectionedPdf.of("Subject access: client " + client.code(), sections);
    }

    /** A row as one line of its fields, leaving out the tenant and the row's own id. */
    private static String line(ObjectNode row) {
        List<String> fields = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : row.properties()) {
            if (!field.getKey().equals("tenant_id") && !field.getValue().isNull()) {
                fields.add(words(field.getKey()) + ": "
                        + (field.getValue().isString()
                                ? field.getValue().asString()
                                : field.getValue().toString()));
            }
        }
        return String.join(" | ", fields);
    }

    private static String words(String code) {
        String spaced = code.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    private static List<String> readme(ClientRef client, Instant at) {
        return List.of(
                "# Trackwell subject access archive",
                "",
                "Everything held about client " + client.code() + " at " + at + " (UTC), format version " + VERSION
                        + ".",
                "",
                "- `subject-access.pdf`: the same facts for people to read.",
                "- `subject-access.json`: `identifiers` (the identifying details the service keeps), `records`"
                        + " (each table's rows about the client, by table, named by their columns, text opened),"
                        + " `access` (the audit trail's entries about the client, oldest first: when, who, what).",
                "",
                "Keep this archive as safe as the record itself: it holds it in the clear.");
    }
}
