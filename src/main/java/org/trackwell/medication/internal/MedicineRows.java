package org.trackwell.medication.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.trackwell.shared.TenantId;

/** The tenant's medicines and medication settings. */
@Repository
public class MedicineRows {

    private final JdbcClient jdbc;

    MedicineRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds a medicine; false if the tenant already has one with that name, strength and form. */
    public boolean insert(TenantId tenant, Medicine medicine, Instant now) {
        return jdbc.sql("""
                        insert into medicine (tenant_id, id, name, form, strength, route, controlled, cd_schedule, notes,
                          created_at)
                        values (:tenant, :id, :name, :form, :strength, :route, :controlled, :schedule, :notes, :now)
                        on conflict do nothing""")
                        .param("tenant", tenant.value())
                        .param("id", medicine.id())
                        .param("name", medicine.name())
                        .param("form", medicine.form())
                        .param("strength", medicine.strength())
                        .param("route", medicine.route())
                        .param("controlled", medicine.controlled())
                        .param("schedule", medicine.cdSchedule())
                        .param("notes", medicine.notes())
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    public List<Medicine> list() {
        return jdbc.sql("select * from medicine order by lower(name), strength")
                .query(MedicineRows::medicine)
                .list();
    }

    public Optional<Medicine> find(UUID id) {
        return jdbc.sql("select * from medicine where id = :id")
                .param("id", id)
                .query(MedicineRows::medicine)
                .optional();
    }

    static Medicine medicine(ResultSet row, int n) throws SQLException {
        return new Medicine(
                row.getObject("id", UUID.class),
                row.getString("name"),
                row.getString("form"),
                row.getString("strength"),
                row.getString("route"),
                row.getBoolean("controlled"),
                row.getObject("cd_schedule", Integer.class),
                row.getString("notes"));
    }

    public Optional<MedicationSettings> settings() {
        return jdbc.sql("select * from medication_settings")
                .query((row, n) -> new MedicationSettings(
                        ZoneId.of(row.getString("time_zone")),
                        row.getInt("tolerance_minutes"),
                        row.getInt("prn_effect_minutes"),
                        row.getInt("low_stock_days"),
                        row.getInt("expiry_warning_days"),
                        identification(row.getString("round_identification")),
                        WitnessedDoses.valueOf(row.getString("witnessed_doses")),
                        row.getInt("stock_count_days")))
                .optional();
    }

    public void saveSettings(TenantId tenant, MedicationSettings settings) {
        jdbc.sql("""
                insert into medication_settings (tenant_id, time_zone, tolerance_minutes, prn_effect_minutes,
                  low_stock_days, expiry_warning_days, round_identification, witnessed_doses, stock_count_days)
                values (:tenant, :zone, :tolerance, :effect, :low, :expiry, :identification, :witnessed, :countDays)
                on conflict (tenant_id) do update set time_zone = excluded.time_zone,
                  tolerance_minutes = excluded.tolerance_minutes, prn_effect_minutes = excluded.prn_effect_minutes,
                  low_stock_days = excluded.low_stock_days, expiry_warning_days = excluded.expiry_warning_days,
                  round_identification = excluded.round_identification, witnessed_doses = excluded.witnessed_doses,
                  stock_count_days = excluded.stock_count_days""")
                .param("tenant", tenant.value())
                .param("zone", settings.zone().getId())
                .param("tolerance", settings.toleranceMinutes())
                .param("effect", settings.prnEffectMinutes())
                .param("low", settings.lowStockDays())
                .param("expiry", settings.expiryWarningDays())
                .param("identification", joined(settings.roundIdentification()))
                .param("witnessed", settings.witnessedDoses().name())
                .param("countDays", settings.stockCountDays())
                .update();
    }

    /** As stored: the names, in their order, comma-separated. */
    public static String joined(Set<RoundIdentification> shown) {
        return shown.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    private static Set<RoundIdentification> identification(String joined) {
        EnumSet<RoundIdentification> shown = EnumSet.noneOf(RoundIdentification.class);
        for (String name : joined.split(",")) {
            shown.add(RoundIdentification.valueOf(name));
        }
        return shown;
    }
}
