package org.trackwell.keys;

import java.util.List;
import java.util.UUID;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.trackwell.shared.TenantId;

/**
 * A schema migration that seals text written before it was sealed: for every tenant in turn, each
 * clear column's rows, in batches, under the client's key at the address the module opens them
 * from. Text about a client whose key was destroyed (erased) is erased with them: it becomes an
 * empty ciphertext, which fails to open like everything else sealed for them.
 */
public abstract class SealingMigration implements JavaMigration {

    private static final int BATCH = 500;

    /**
     * One clear column: {@code next} selects up to {@code :batch} rows still in the clear as {@code
     * id, client_id, text}; {@code seal} stores one row's {@code :sealed} text by {@code :id} and
     * clears the old value. {@code table} and {@code column} are the sealed field's address.
     */
    public record ClearColumn(String table, String column, String next, String seal) {

        /** A column whose clear text was set aside in {@code <column>_clear} beside its sealed column. */
        public static ClearColumn setAside(String table, String column) {
            String clear = column + "_clear";
            return new ClearColumn(
                    table,
                    column,
                    "select id, client_id, " + clear + " as text from " + table + " where " + clear
                            + " is not null limit :batch",
                    "update " + table + " set " + column + " = :sealed, " + clear + " = null where id = :id");
        }
    }

    private record ClearText(UUID id, UUID client, String text) {}

    private final MigrationSealing sealing;
    private final String version;
    private final String description;
    private final List<ClearColumn> columns;

    protected SealingMigration(
            MigrationSealing sealing, String version, String description, List<ClearColumn> columns) {
        this.sealing = sealing;
        this.version = version;
        this.description = description;
        this.columns = List.copyOf(columns);
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion(version);
    }

    @Override
    public String getDescription() {
        return description;
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
    public final void migrate(Context context) {
        JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(context.getConnection(), true));
        sealing.forEachTenant(context.getConnection(), (tenant, sealer) -> {
            for (ClearColumn column : columns) {
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
