package org.trackwell.medication.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.trackwell.keys.EncryptedText;
import org.trackwell.shared.TenantId;
import org.trackwell.shared.UserId;

/** Dose records (their free text still sealed), answers about as-needed doses, and missed doses. */
@Repository
public class DoseRows {

    private final JdbcClient jdbc;

    DoseRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A dose record's free text, sealed: the note and the reasons for an override or a correction. */
    public record Sealed(
            @Nullable EncryptedText note,
            @Nullable EncryptedText overrideReason,
            @Nullable EncryptedText correctionReason) {}

    /** A dose record as stored: its free text still sealed, and absent from the record. */
    public record StoredDose(DoseRecord record, UUID clientId, Sealed text) {}

    /** Stores a record; false if that due dose (or that correction) is already recorded. */
    public boolean insert(TenantId tenant, UUID client, DoseRecord r, Sealed text) {
        Map<String, @Nullable Object> values = new HashMap<>();
        values.put("tenant", tenant.value());
        values.put("id", r.id());
        values.put("client", client);
        values.put("prescription", r.prescriptionId());
        values.put("dueAt", r.dueAt() == null ? null : Timestamp.from(r.dueAt()));
        values.put("outcome", r.outcome().name());
        values.put("reason", r.reason() == null ? null : r.reason().name());
        values.put("amount", r.amount());
        values.put("givenAt", Timestamp.from(r.givenAt()));
        values.put("note", bytes(text.note()));
        values.put("witness", r.witness() == null ? null : r.witness().value());
        values.put("override", bytes(text.overrideReason()));
        values.put("corrects", r.corrects());
        values.put("correctionReason", bytes(text.correctionReason()));
        values.put("now", Timestamp.from(r.recordedAt()));
        values.put("by", r.recordedBy().value());
        return jdbc.sql("""
                        insert into dose_record (tenant_id, id, client_id, prescription_id, due_at, outcome, reason, amount,
                          given_at, note, witness_id, override_reason, corrects, correction_reason, recorded_at, recorded_by)
                        values (:tenant, :id, :client, :prescription, :dueAt, :outcome, :reason, :amount, :givenAt, :note,
                          :witness, :override, :corrects, :correctionReason, :now, :by)
                        on conflict do nothing""").params(values).update() == 1;
    }

    /** The client's records given (or due) in the period, oldest first. */
    public List<StoredDose> ofClient(UUID client, Instant from, Instant to) {
        return jdbc.sql("""
                select * from dose_record where client_id = :client
                  and coalesce(due_at, given_at) >= :from and coalesce(due_at, given_at) < :to
                order by coalesce(due_at, given_at), recorded_at""")
                .param("client", client)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query(DoseRows::stored)
                .list();
    }

    /** Every record of these clients in the period, for a round or a report. */
    public List<StoredDose> ofClients(List<UUID> clients, Instant from, Instant to) {
        return jdbc.sql("""
                select * from dose_record where client_id = any(:clients)
                  and coalesce(due_at, given_at) >= :from and coalesce(due_at, given_at) < :to
                order by coalesce(due_at, given_at), recorded_at""")
                .param("clients", clients.toArray(UUID[]::new))
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query(DoseRows::stored)
                .list();
    }

    public java.util.Optional<StoredDose> find(UUID client, UUID id) {
        return jdbc.sql("select * from dose_record where client_id = :client and id = :id")
                .param("client", client)
                .param("id", id)
                .query(DoseRows::stored)
                .optional();
    }

    /** Whether a record has been corrected already. */
    public boolean corrected(UUID id) {
        return jdbc.sql("select exists (select 1 from dose_record where corrects = :id)")
                .param("id", id)
                .query(Boolean.class)
                .single();
    }

    public boolean recordEffect(TenantId tenant, UUID dose, String effect, UserId by, Instant now) {
        return jdbc.sql("""
                        insert into prn_effect (tenant_id, dose_record_id, effect, recorded_at, recorded_by)
                        values (:tenant, :dose, :effect, :now, :by) on conflict do nothing""")
                        .param("tenant", tenant.value())
                        .param("dose", dose)
                        .param("effect", effect)
                        .param("now", Timestamp.from(now))
                        .param("by", by.value())
                        .update()
                == 1;
    }

    /** As-needed doses given to these clients between the times that nobody has said worked or not. */
    public List<StoredDose> effectNotAsked(List<UUID> clients, Instant from, Instant to) {
        return jdbc.sql("""
                select d.* from dose_record d join prescription p on p.id = d.prescription_id
                where d.client_id = any(:clients) and p.kind = 'PRN' and d.outcome = 'GIVEN' and d.corrects is null
                  and d.given_at >= :from and d.given_at < :to
                  and not exists (select 1 from prn_effect e where e.dose_record_id = d.id)
                  and not exists (select 1 from dose_record c where c.corrects = d.id)
                order by d.given_at""")
                .param("clients", clients.toArray(UUID[]::new))
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query(DoseRows::stored)
                .list();
    }

    /** Records a missed dose once; false if it was already recorded. */
    public boolean insertMissed(TenantId tenant, UUID prescription, Instant dueAt, UUID client, Instant now) {
        return jdbc.sql("""
                        insert into missed_dose (tenant_id, prescription_id, due_at, client_id, detected_at)
                        values (:tenant, :prescription, :dueAt, :client, :now) on conflict do nothing""")
                        .param("tenant", tenant.value())
                        .param("prescription", prescription)
                        .param("dueAt", Timestamp.from(dueAt))
                        .param("client", client)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    /** Missed doses of these clients in the period, as prescription and due time. */
    public List<Missed> missed(List<UUID> clients, Instant from, Instant to) {
        return jdbc.sql("""
                select prescription_id, due_at, client_id from missed_dose
                where client_id = any(:clients) and due_at >= :from and due_at < :to order by due_at""")
                .param("clients", clients.toArray(UUID[]::new))
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((row, n) -> new Missed(
                        row.getObject("prescription_id", UUID.class),
                        row.getTimestamp("due_at").toInstant(),
                        row.getObject("client_id", UUID.class)))
                .list();
    }

    public record Missed(UUID prescriptionId, Instant dueAt, UUID clientId) {}

    private static byte @Nullable [] bytes(@Nullable EncryptedText text) {
        return text == null ? null : text.ciphertext();
    }

    private static @Nullable EncryptedText sealed(ResultSet row, String column) throws SQLException {
        byte[] bytes = row.getBytes(column);
        return bytes == null ? null : new EncryptedText(bytes);
    }

    private static StoredDose stored(ResultSet row, int n) throws SQLException {
        Timestamp due = row.getTimestamp("due_at");
        String reason = row.getString("reason");
        UUID witness = row.getObject("witness_id", UUID.class);
        BigDecimal amount = row.getBigDecimal("amount");
        return new StoredDose(
                new DoseRecord(
                        row.getObject("id", UUID.class),
                        row.getObject("prescription_id", UUID.class),
                        due == null ? null : due.toInstant(),
                        DoseRecord.Outcome.valueOf(row.getString("outcome")),
                        reason == null ? null : NotGivenReason.valueOf(reason),
                        amount,
                        row.getTimestamp("given_at").toInstant(),
                        null,
                        new UserId(row.getObject("recorded_by", UUID.class)),
                        witness == null ? null : new UserId(witness),
                        null,
                        row.getObject("corrects", UUID.class),
                        null,
                        row.getTimestamp("recorded_at").toInstant()),
                row.getObject("client_id", UUID.class),
                new Sealed(sealed(row, "note"), sealed(row, "override_reason"), sealed(row, "correction_reason")));
    }
}
