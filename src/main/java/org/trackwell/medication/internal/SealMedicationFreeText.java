package org.trackwell.medication.internal;

import java.util.List;
import java.util.UUID;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;
import org.trackwell.keys.CannotOpen;
import org.trackwell.keys.FieldAddress;
import org.trackwell.keys.MigrationSealing;
import org.trackwell.shared.TenantId;

/**
 * Migration 25: the medication free text written before it was sealed, which V24 set aside in
 * clear columns, sealed under each client's key at the address the module opens it from. Text
 * about a client whose key was destroyed (erased) is erased with them: it becomes an empty
 * ciphertext, which fails to open like everything else sealed for them. V27 drops the clear columns.
 */
@Component
class SealMedicationFreeText implements JavaMigration {

    private static final int BATCH = 500;

    /** One clear column: the next rows still in the clear, and how a row's text is stored sealed. */
    private record ClearColumn(String table, String column, String next, String seal) {}

    private record ClearText(UUID id, UUID client, String text) {}

    private static final List<ClearColumn> COLUMNS = List.of(
            new ClearColumn(
                    "prescription",
                    "instructions",
                    """
                    select id, client_id, instructions_clear as text from prescription
                    where instructions_clear is not null limit :batch""",
                    "update prescription set instructions = :sealed, instructions_clear = null where id = :id"),
            new ClearColumn(
                    "prescription",
                    "prescriber",
                    """
                    select id, client_id, prescriber_clear as text from prescription
                    where prescriber_clear is not null limit :batch""",
                    "update prescription set prescriber = :sealed, prescriber_clear = null where id = :id"),
            new ClearColumn(
                    "prescription",
                    "prn_indication",
                    """
                    select id, client_id, prn_indication_clear as text from prescription
                    where prn_indication_clear is not null limit :batch""",
                    "update prescription set prn_indication = :sealed, prn_indication_clear = null where id = :id"),
            new ClearColumn(
                    "prescription",
                    "stop_reason",
                    """
                    select id, client_id, stop_reason_clear as text from prescription
                    where stop_reason_clear is not null limit :batch""",
                    "update prescription set stop_reason = :sealed, stop_reason_clear = null where id = :id"),
            new ClearColumn(
                    "dose_record",
                    "override_reason",
                    """
                    select id, client_id, override_reason_clear as text from dose_record
                    where override_reason_clear is not null limit :batch""",
                    "update dose_record set override_reason = :sealed, override_reason_clear = null where id = :id"),
            new ClearColumn("dose_record", "correction_reason", """
                    select id, client_id, correction_reason_clear as text from dose_record
                    where correction_reason_clear is not null limit :batch""", """
                    update dose_record set correction_reason = :sealed, correction_reason_clear = null
                    where id = :id"""),
            new ClearColumn(
                    "stock_movement",
                    "reason",
                    """
                    select id, client_id, reason_clear as text from stock_movement
                    where reason_clear is not null limit :batch""",
                    "update stock_movement set reason = :sealed, reason_clear = null where id = :id"));

    private final MigrationSealing sealing;

    SealMedicationFreeText(MigrationSealing sealing) {
        this.sealing = sealing;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("25");
    }

    @Override
    public String getDescription() {
        return "medication free text sealed";
    }

    @Override
    public @Nullable Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) {
        JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(context.getConnection(), true));
        sealing.forEachTenant(context.getConnection(), (tenant, sealer) -> {
            for (ClearColumn column : COLUMNS) {
                seal(jdbc, tenant, sealer, column);
            }
        });
    }

    private static void seal(JdbcClient jdbc, TenantId tenant, MigrationSealing.Sealer sealer, ClearColumn column) {
        List<ClearText> batch;
        do {
            batch = jdbc.sql(column.next())
                    .param("batch", BATCH)
                    .query((row, n) -> new ClearText(
                            row.getObject("id", UUID.class),
                            row.getObject("client_id", UUID.class),
                            row.getString("text")))
                    .list();
            for (ClearText clear : batch) {
                FieldAddress address = FieldAddress.ofClient(
                        tenant,
                        clear.client(),
                        column.table(),
                        column.column(),
                        clear.id().toString());
                jdbc.sql(column.seal())
                        .param("sealed", sealed(sealer, address, clear.text()))
                        .param("id", clear.id())
                        .update();
            }
        } while (!batch.isEmpty());
    }

    private static byte[] sealed(MigrationSealing.Sealer sealer, FieldAddress address, String text) {
        try {
            return sealer.seal(address, text).ciphertext();
        } catch (CannotOpen erased) {
            return new byte[0];
        }
    }
}
