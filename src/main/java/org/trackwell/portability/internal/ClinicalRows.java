package org.trackwell.portability.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.trackwell.clients.PseudonymCode;
import org.trackwell.keys.CannotOpen;
import org.trackwell.keys.EncryptedText;
import org.trackwell.keys.FieldAddress;
import org.trackwell.keys.FieldEncryption;
import org.trackwell.shared.CurrentTenant;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client's record as the FHIR export reads it, sealed text opened: the clients', outcomes' and
 * medication modules' rows, read where they lie as the archive reads them (see {@link TableRows}).
 */
@Component
class ClinicalRows {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final FieldEncryption encryption;

    ClinicalRows(JdbcClient jdbc, FieldEncryption encryption) {
        this.jdbc = jdbc;
        this.encryption = encryption;
    }

    /** A client by id, pseudonym code as people see it, and the identifiers that are on, opened. */
    record Client(UUID id, String code, Map<String, String> identifiers) {

        @Override
        public String toString() {
            return "Client[" + code + "]";
        }
    }

    record EpisodeRow(
            UUID id, LocalDate referredOn, @Nullable LocalDate closedOn, String stage) {}

    record Answer(
            UUID id,
            String measure,
            Instant recordedAt,
            Map<String, Integer> answers,
            @Nullable BigDecimal total,
            @Nullable String band) {}

    record GoalRow(
            UUID id,
            String kind,
            Instant openedAt,
            @Nullable Instant closedAt,
            @Nullable String wording) {}

    record PrescriptionRow(
            UUID id,
            String medicine,
            BigDecimal dose,
            String unit,
            String route,
            @Nullable String instructions,
            LocalDate startsOn,
            @Nullable LocalDate endsOn,
            String prescriber,
            boolean asNeeded,
            @Nullable Instant stoppedAt,
            Instant createdAt) {}

    record DoseRow(
            UUID id,
            UUID prescription,
            String outcome,
            @Nullable String reason,
            @Nullable BigDecimal amount,
            Instant givenAt,
            boolean corrected) {}

    record MissedRow(UUID prescription, Instant dueAt) {}

    /** The identifiers the tenant's client settings turn on ({@code NAME}, {@code NHS_NUMBER} and so on). */
    Set<String> identifiersOn() {
        return jdbc.sql("select identifiers from client_settings")
                .query((row, n) -> row.getString(1))
                .optional()
                .map(joined -> Arrays.stream(joined.split(","))
                        .filter(s -> !s.isBlank())
                        .collect(Collectors.toSet()))
                .orElse(Set.of());
    }

    List<UUID> clients() {
        return jdbc.sql("select id from client order by code")
                .query((row, n) -> row.getObject(1, UUID.class))
                .list();
    }

    Optional<Client> client(UUID id, Set<String> identifiersOn) {
        return jdbc.sql("""
                        select id, code, name, date_of_birth, nhs_number, address, email, phone
                        from client where id = :id""")
                .param("id", id)
                .query((row, n) -> {
                    Map<String, String> identifiers = new LinkedHashMap<>();
                    for (String identifier :
                            List.of("NAME", "DATE_OF_BIRTH", "NHS_NUMBER", "ADDRESS", "EMAIL", "PHONE")) {
                        String column = identifier.toLowerCase(Locale.ROOT);
                        byte[] sealed = row.getBytes(column);
                        if (identifiersOn.contains(identifier) && sealed != null) {
                            String opened = open(id, "client", column, id.toString(), sealed);
                            if (opened != null) {
                                identifiers.put(identifier, opened);
                            }
                        }
                    }
                    return new Client(id, new PseudonymCode(row.getString("code")).toString(), identifiers);
                })
                .optional();
    }

    List<EpisodeRow> episodes(UUID client) {
        return jdbc.sql(
                        "select id, referred_on, closed_on, stage from episode where client_id = :client order by referred_on")
                .param("client", client)
                .query((row, n) -> new EpisodeRow(
                        row.getObject("id", UUID.class),
                        row.getObject("referred_on", LocalDate.class),
                        row.getObject("closed_on", LocalDate.class),
                        row.getString("stage")))
                .list();
    }

    List<Answer> answers(UUID client) {
        return jdbc.sql("""
                        select id, measure_id, recorded_at, answers, total, band from measure_answer
                        where client_id = :client order by recorded_at""")
                .param("client", client)
                .query((row, n) -> {
                    UUID id = row.getObject("id", UUID.class);
                    String opened = open(client, "measure_answer", "answers", id.toString(), row.getBytes("answers"));
                    Map<String, Integer> answers = opened == null
                            ? Map.of()
                            : JSON.readValue(opened, new TypeReference<LinkedHashMap<String, Integer>>() {});
                    return new Answer(
                            id,
                            row.getString("measure_id"),
                            instant(row, "recorded_at"),
                            answers,
                            row.getBigDecimal("total"),
                            row.getString("band"));
                })
                .list();
    }

    List<GoalRow> goals(UUID client) {
        return jdbc.sql("""
                        select g.id, g.kind, g.opened_at, g.closed_at, w.id as wording_id, w.text
                        from client_goal g
                        left join lateral (select id, text from client_goal_wording w
                                           where w.tenant_id = g.tenant_id and w.goal_id = g.id
                                           order by written_at desc limit 1) w on true
                        where g.client_id = :client order by g.opened_at""")
                .param("client", client)
                .query((row, n) -> {
                    UUID wording = row.getObject("wording_id", UUID.class);
                    return new GoalRow(
                            row.getObject("id", UUID.class),
                            row.getString("kind"),
                            instant(row, "opened_at"),
                            row.getTimestamp("closed_at") == null ? null : instant(row, "closed_at"),
                            wording == null
                                    ? null
                                    : open(
                                            client,
                                            "client_goal_wording",
                                            "text",
                                            wording.toString(),
                                            row.getBytes("text")));
                })
                .list();
    }

    List<PrescriptionRow> prescriptions(UUID client) {
        return jdbc.sql("""
                        select p.*, m.name || ' ' || m.strength || ' ' || m.form as medicine
                        from prescription p join medicine m on m.tenant_id = p.tenant_id and m.id = p.medicine_id
                        where p.client_id = :client order by p.created_at""")
                .param("client", client)
                .query((row, n) -> {
                    UUID id = row.getObject("id", UUID.class);
                    String prescriber =
                            open(client, "prescription", "prescriber", id.toString(), row.getBytes("prescriber"));
                    return new PrescriptionRow(
                            id,
                            row.getString("medicine"),
                            row.getBigDecimal("dose"),
                            row.getString("unit"),
                            row.getString("route"),
                            open(client, "prescription", "instructions", id.toString(), row.getBytes("instructions")),
                            row.getObject("starts_on", LocalDate.class),
                            row.getObject("ends_on", LocalDate.class),
                            prescriber == null ? "" : prescriber,
                            "PRN".equals(row.getString("kind")),
                            row.getTimestamp("stopped_at") == null ? null : instant(row, "stopped_at"),
                            instant(row, "created_at"));
                })
                .list();
    }

    List<DoseRow> doses(UUID client) {
        return jdbc.sql("""
                        select d.id, d.prescription_id, d.outcome, d.reason, d.amount, d.given_at,
                               exists (select 1 from dose_record c where c.tenant_id = d.tenant_id and c.corrects = d.id)
                                   as corrected
                        from dose_record d where d.client_id = :client order by d.given_at""")
                .param("client", client)
                .query((row, n) -> new DoseRow(
                        row.getObject("id", UUID.class),
                        row.getObject("prescription_id", UUID.class),
                        row.getString("outcome"),
                        row.getString("reason"),
                        row.getBigDecimal("amount"),
                        instant(row, "given_at"),
                        row.getBoolean("corrected")))
                .list();
    }

    List<MissedRow> missed(UUID client) {
        return jdbc.sql("select prescription_id, due_at from missed_dose where client_id = :client order by due_at")
                .param("client", client)
                .query((row, n) -> new MissedRow(row.getObject("prescription_id", UUID.class), instant(row, "due_at")))
                .list();
    }

    private @Nullable String open(UUID client, String table, String column, String row, byte @Nullable [] sealed) {
        if (sealed == null) {
            return null;
        }
        try {
            return encryption.open(
                    FieldAddress.ofClient(CurrentTenant.require(), client, table, column, row),
                    new EncryptedText(sealed));
        } catch (CannotOpen erased) {
            return null;
        }
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        return row.getTimestamp(column).toInstant();
    }
}
