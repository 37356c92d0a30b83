package org.trackwell.medication.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.trackwell.keys.EncryptedText;
import org.trackwell.shared.TenantId;
import org.trackwell.shared.UserId;

/** Stock movements per client and medicine (the reason sealed); the balance is their sum. */
@Repository
public class StockRows {

    private final JdbcClient jdbc;

    StockRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A movement as stored: its reason still sealed, and absent from the movement. */
    public record StoredMovement(
            StockMovement movement, @Nullable EncryptedText reason) {}

    public void insert(TenantId tenant, UUID client, StockMovement m, @Nullable EncryptedText reason) {
        Map<String, @Nullable Object> values = new HashMap<>();
        values.put("tenant", tenant.value());
        values.put("id", m.id());
        values.put("client", client);
        values.put("medicine", m.medicineId());
        values.put("kind", m.kind().name());
        values.put("quantity", m.quantity());
        values.put("counted", m.counted());
        values.put("batch", m.batch());
        values.put("expires", m.expiresOn() == null ? null : Date.valueOf(m.expiresOn()));
        values.put("reason", reason == null ? null : reason.ciphertext());
        values.put("dose", m.doseRecordId());
        values.put("witness", m.witness() == null ? null : m.witness().value());
        values.put("now", Timestamp.from(m.recordedAt()));
        values.put("by", m.recordedBy().value());
        jdbc.sql("""
                insert into stock_movement (tenant_id, id, client_id, medicine_id, kind, quantity, counted, batch,
                  expires_on, reason, dose_record_id, witness_id, recorded_at, recorded_by)
                values (:tenant, :id, :client, :medicine, :kind, :quantity, :counted, :batch, :expires, :reason, :dose,
                  :witness, :now, :by)""").params(values).update();
    }

    public BigDecimal balance(UUID client, UUID medicine) {
        return jdbc.sql(
                        "select coalesce(sum(quantity), 0) from stock_movement where client_id = :client and medicine_id = :medicine")
                .param("client", client)
                .param("medicine", medicine)
                .query(BigDecimal.class)
                .single();
    }

    /**
     * When the client's stock of the medicine was last counted, or, never counted, when it was first
     * recorded: the count that starts the interval to the next. Empty without any movement.
     */
    public Optional<CountedSince> countedSince(UUID client, UUID medicine) {
        return jdbc.sql("""
                select max(recorded_at) filter (where kind = 'COUNT'), min(recorded_at) from stock_movement
                  where client_id = :client and medicine_id = :medicine having count(*) > 0""")
                .param("client", client)
                .param("medicine", medicine)
                .query((row, n) -> {
                    Timestamp counted = row.getTimestamp(1);
                    return new CountedSince(
                            counted == null ? null : counted.toInstant(),
                            row.getTimestamp(2).toInstant());
                })
                .optional();
    }

    /** The last count, if any, and the first movement. */
    public record CountedSince(@Nullable Instant lastCounted, Instant firstRecorded) {

        /** Whether a count is due: the last one, or the first movement, is that many days old by then. */
        boolean dueBy(Instant now, int days) {
            Instant since = lastCounted == null ? firstRecorded : lastCounted;
            return !since.plus(Duration.ofDays(days)).isAfter(now);
        }
    }

    /** Whether the service keeps stock of this medicine for this client (anything ever received). */
    public boolean tracked(UUID client, UUID medicine) {
        return jdbc.sql("""
                select exists (select 1 from stock_movement where client_id = :client and medicine_id = :medicine
                  and kind = 'RECEIPT')""")
                .param("client", client)
                .param("medicine", medicine)
                .query(Boolean.class)
                .single();
    }

    /** Every movement of the client's medicine, oldest first, for the register. */
    public List<StoredMovement> movements(UUID client, UUID medicine) {
        return jdbc.sql("""
                select * from stock_movement where client_id = :client and medicine_id = :medicine
                order by recorded_at, id""")
                .param("client", client)
                .param("medicine", medicine)
                .query(StockRows::stored)
                .list();
    }

    /** Every movement of the client's stock, controlled drugs only or all, oldest first. */
    public List<StoredMovement> movements(UUID client, boolean controlledOnly) {
        return jdbc.sql("""
                select m.* from stock_movement m join medicine d on d.id = m.medicine_id
                where m.client_id = :client and (d.controlled or not :controlledOnly)
                order by m.recorded_at, m.id""")
                .param("client", client)
                .param("controlledOnly", controlledOnly)
                .query(StockRows::stored)
                .list();
    }

    /** The client's stock movements made by a dose's correction rather than by the dose itself. */
    public Set<UUID> corrections(UUID client) {
        return Set.copyOf(jdbc.sql("""
                select m.id from stock_movement m join dose_record d on d.id = m.dose_record_id
                where m.client_id = :client and d.corrects is not null""")
                .param("client", client)
                .query((row, n) -> row.getObject(1, UUID.class))
                .list());
    }

    private static StoredMovement stored(ResultSet row, int n) throws SQLException {
        Date expires = row.getDate("expires_on");
        UUID witness = row.getObject("witness_id", UUID.class);
        byte[] reason = row.getBytes("reason");
        return new StoredMovement(
                new StockMovement(
                        row.getObject("id", UUID.class),
                        row.getObject("medicine_id", UUID.class),
                        StockMovement.Kind.valueOf(row.getString("kind")),
                        row.getBigDecimal("quantity"),
                        row.getBigDecimal("counted"),
                        row.getString("batch"),
                        expires == null ? null : expires.toLocalDate(),
                        null,
                        row.getObject("dose_record_id", UUID.class),
                        new UserId(row.getObject("recorded_by", UUID.class)),
                        witness == null ? null : new UserId(witness),
                        row.getTimestamp("recorded_at").toInstant()),
                reason == null ? null : new EncryptedText(reason));
    }

    /** Medicines the client has stock movements for. */
    public List<UUID> medicinesOf(UUID client) {
        return jdbc.sql("select distinct medicine_id from stock_movement where client_id = :client")
                .param("client", client)
                .query((row, n) -> row.getObject(1, UUID.class))
                .list();
    }

    /** Receipts whose stock expires on or before the date. */
    public List<LocalDate> expiringBy(UUID client, UUID medicine, LocalDate by) {
        return jdbc.sql("""
                select expires_on from stock_movement where client_id = :client and medicine_id = :medicine
                  and kind = 'RECEIPT' and expires_on is not null and expires_on <= :by order by expires_on""")
                .param("client", client)
                .param("medicine", medicine)
                .param("by", Date.valueOf(by))
                .query((row, n) -> row.getDate(1).toLocalDate())
                .list();
    }
}
