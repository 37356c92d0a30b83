package org.trackwell.medication.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.trackwell.keys.EncryptedText;
import org.trackwell.keys.FieldAddress;
import org.trackwell.keys.FieldEncryption;
import org.trackwell.shared.CurrentTenant;
import org.trackwell.shared.TenantId;
import org.trackwell.shared.UserId;
import tools.jackson.databind.json.JsonMapper;

/**
 * Prescriptions, each with its medicine; only the stop columns ever change. The free text (the
 * instructions, what an as-needed medicine is for, the prescriber and why it stopped) is sealed
 * under the client's key as it is written and opened as it is read, so that every reader gets a
 * prescription whole: the round, the MAR and the API show it.
 */
@Repository
public class PrescriptionRows {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Schedules are immutable values, and the round reads every running one on every call. */
    private static final Cache<String, DoseSchedule> SCHEDULES =
            Caffeine.newBuilder().maximumSize(50_000).build();

    private static final String SELECT = """
            select p.*, m.name, m.form, m.strength, m.route as medicine_route, m.controlled, m.cd_schedule, m.notes
            from prescription p join medicine m on m.id = p.medicine_id""";

    private final JdbcClient jdbc;
    private final FieldEncryption encryption;

    PrescriptionRows(JdbcClient jdbc, FieldEncryption encryption) {
        this.jdbc = jdbc;
        this.encryption = encryption;
    }

    public void insert(TenantId tenant, Prescription p, UserId by) {
        Map<String, @Nullable Object> values = new HashMap<>();
        values.put("tenant", tenant.value());
        values.put("id", p.id());
        values.put("client", p.clientId());
        values.put("medicine", p.medicine().id());
        values.put("dose", p.dose());
        values.put("unit", p.unit());
        values.put("route", p.route());
        values.put("instructions", sealed(p, "instructions", p.instructions()));
        values.put("startsOn", Date.valueOf(p.startsOn()));
        values.put("endsOn", p.endsOn() == null ? null : Date.valueOf(p.endsOn()));
        values.put("prescriber", sealed(p, "prescriber", p.prescriber()));
        values.put("kind", p.kind().name());
        values.put("schedule", p.schedule() == null ? null : JSON.writeValueAsString(p.schedule()));
        Prescription.Prn prn = p.prn();
        values.put("indication", prn == null ? null : sealed(p, "prn_indication", prn.indication()));
        values.put("minDose", prn == null ? null : prn.minDose());
        values.put("maxDose", prn == null ? null : prn.maxDose());
        values.put("interval", prn == null ? null : prn.minIntervalMinutes());
        values.put("perDay", prn == null ? null : prn.maxDosesPerDay());
        values.put("timeCritical", p.timeCritical());
        values.put("tolerance", p.toleranceMinutes());
        values.put("replaces", p.replaces());
        values.put("now", Timestamp.from(p.writtenAt()));
        values.put("by", by.value());
        jdbc.sql("""
                insert into prescription (tenant_id, id, client_id, medicine_id, dose, unit, route, instructions,
                  starts_on, ends_on, prescriber, kind, schedule, prn_indication, prn_min_dose, prn_max_dose,
                  prn_min_interval_minutes, prn_max_doses_per_day, time_critical, tolerance_minutes, replaces,
                  created_at, created_by)
                values (:tenant, :id, :client, :medicine, :dose, :unit, :route, :instructions, :startsOn, :endsOn,
                  :prescriber, :kind, cast(:schedule as jsonb), :indication, :minDose, :maxDose, :interval, :perDay,
                  :timeCritical, :tolerance, :replaces, :now, :by)""").params(values).update();
    }

    /** Holds the prescription until the transaction ends, so that doses against it are recorded one at a time. */
    public void lock(UUID client, UUID id) {
        jdbc.sql("select id from prescription where client_id = :client and id = :id for update")
                .param("client", client)
                .param("id", id)
                .query(UUID.class)
                .optional();
    }

    /** Stops a prescription; false if it was already stopped. */
    public boolean stop(UUID client, UUID id, String reason, UserId by, Instant now) {
        return jdbc.sql("""
                        update prescription set stopped_at = :now, stopped_by = :by, stop_reason = :reason
                        where client_id = :client and id = :id and stopped_at is null""")
                        .param("now", Timestamp.from(now))
                        .param("by", by.value())
                        .param(
                                "reason",
                                encryption
                                        .seal(address(client, id, "stop_reason"), reason)
                                        .ciphertext())
                        .param("client", client)
                        .param("id", id)
                        .update()
                == 1;
    }

    public List<Prescription> ofClient(UUID client) {
        return jdbc.sql(SELECT + " where p.client_id = :client order by p.stopped_at nulls first, p.created_at")
                .param("client", client)
                .query(this::prescription)
                .list();
    }

    public Optional<Prescription> find(UUID client, UUID id) {
        return jdbc.sql(SELECT + " where p.client_id = :client and p.id = :id")
                .param("client", client)
                .param("id", id)
                .query(this::prescription)
                .optional();
    }

    /** Every prescription of these clients that was running at any time since {@code since}. */
    public List<Prescription> runningSince(List<UUID> clients, Instant since) {
        return jdbc.sql(SELECT
                        + " where p.client_id = any(:clients) and (p.stopped_at is null or p.stopped_at > :since)")
                .param("clients", clients.toArray(UUID[]::new))
                .param("since", Timestamp.from(since))
                .query(this::prescription)
                .list();
    }

    /** Every regular prescription in the tenant running at any time since {@code since}. */
    /**
     * Regular prescriptions running since then, leaving out the given clients' (erased clients',
     * whose prescriptions no longer open).
     */
    public List<Prescription> regularRunningSince(Instant since, Collection<UUID> leavingOut) {
        return jdbc.sql(SELECT + " where p.kind = 'REGULAR' and (p.stopped_at is null or p.stopped_at > :since)"
                        + " and not (p.client_id = any(:leavingOut))")
                .param("since", Timestamp.from(since))
                .param("leavingOut", leavingOut.toArray(UUID[]::new))
                .query(this::prescription)
                .list();
    }

    private Prescription prescription(ResultSet row, int n) throws SQLException {
        UUID id = row.getObject("id", UUID.class);
        UUID client = row.getObject("client_id", UUID.class);
        String schedule = row.getString("schedule");
        String indication = opened(row, client, id, "prn_indication");
        Date ends = row.getDate("ends_on");
        Timestamp stopped = row.getTimestamp("stopped_at");
        return new Prescription(
                id,
                client,
                new org.trackwell.medication.internal.Medicine(
                        row.getObject("medicine_id", UUID.class),
                        row.getString("name"),
                        row.getString("form"),
                        row.getString("strength"),
                        row.getString("medicine_route"),
                        row.getBoolean("controlled"),
                        row.getObject("cd_schedule", Integer.class),
                        row.getString("notes")),
                row.getBigDecimal("dose"),
                row.getString("unit"),
                row.getString("route"),
                opened(row, client, id, "instructions"),
                row.getDate("starts_on").toLocalDate(),
                ends == null ? null : ends.toLocalDate(),
                Objects.requireNonNull(opened(row, client, id, "prescriber")),
                Prescription.Kind.valueOf(row.getString("kind")),
                schedule == null ? null : SCHEDULES.get(schedule, json -> JSON.readValue(json, DoseSchedule.class)),
                indication == null
                        ? null
                        : new Prescription.Prn(
                                indication,
                                row.getBigDecimal("prn_min_dose"),
                                row.getBigDecimal("prn_max_dose"),
                                row.getInt("prn_min_interval_minutes"),
                                row.getInt("prn_max_doses_per_day")),
                row.getBoolean("time_critical"),
                row.getObject("tolerance_minutes", Integer.class),
                row.getObject("replaces", UUID.class),
                row.getTimestamp("created_at").toInstant(),
                stopped == null ? null : stopped.toInstant(),
                opened(row, client, id, "stop_reason"));
    }

    private byte @Nullable [] sealed(Prescription p, String column, @Nullable String text) {
        return text == null
                ? null
                : encryption.seal(address(p.clientId(), p.id(), column), text).ciphertext();
    }

    private @Nullable String opened(ResultSet row, UUID client, UUID id, String column) throws SQLException {
        byte[] sealed = row.getBytes(column);
        return sealed == null ? null : encryption.open(address(client, id, column), new EncryptedText(sealed));
    }

    private static FieldAddress address(UUID client, UUID id, String column) {
        return FieldAddress.ofClient(CurrentTenant.require(), client, "prescription", column, id.toString());
    }
}
