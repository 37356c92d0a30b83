package org.trackwell.clients.internal;

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
 * Migration 26: the clients' free text written before it was sealed, sealed under each client's
 * key at the address the module opens it from: referral sources (set aside in a clear column by
 * V24), and the demographics typed in the user's own words (first language, presenting problems,
 * current medication), which move out of the clear demographics into one sealed value per client.
 * Text about a client whose key was destroyed (erased) is erased with them: it becomes an empty
 * ciphertext, which fails to open like everything else sealed for them.
 */
@Component
class SealClientFreeText implements JavaMigration {

    private static final int BATCH = 500;

    private record ClearText(UUID id, UUID client, String text) {}

    private final MigrationSealing sealing;

    SealClientFreeText(MigrationSealing sealing) {
        this.sealing = sealing;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("26");
    }

    @Override
    public String getDescription() {
        return "client free text sealed";
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
            sealReferralSources(jdbc, tenant, sealer);
            sealTypedDemographics(jdbc, tenant, sealer);
        });
    }

    private static void sealReferralSources(JdbcClient jdbc, TenantId tenant, MigrationSealing.Sealer sealer) {
        List<ClearText> batch;
        do {
            batch = jdbc.sql("""
                            select id, client_id, referral_source_clear as text from episode
                            where referral_source_clear is not null limit :batch""")
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
                        "episode",
                        "referral_source",
                        clear.id().toString());
                jdbc.sql("update episode set referral_source = :sealed, referral_source_clear = null where id = :id")
                        .param("sealed", sealed(sealer, address, clear.text()))
                        .param("id", clear.id())
                        .update();
            }
        } while (!batch.isEmpty());
    }

    /** The free-text keys of the demographics, as a JSON object, leave the clear column for the sealed one. */
    private static void sealTypedDemographics(JdbcClient jdbc, TenantId tenant, MigrationSealing.Sealer sealer) {
        List<ClearText> batch;
        do {
            batch = jdbc.sql("""
                            select id, id as client_id, jsonb_strip_nulls(jsonb_build_object(
                              'FIRST_LANGUAGE', demographics -> 'FIRST_LANGUAGE',
                              'PRESENTING_PROBLEMS', demographics -> 'PRESENTING_PROBLEMS',
                              'CURRENT_MEDICATION', demographics -> 'CURRENT_MEDICATION'))::text as text
                            from client
                            where demographics -> 'FIRST_LANGUAGE' is not null
                              or demographics -> 'PRESENTING_PROBLEMS' is not null
                              or demographics -> 'CURRENT_MEDICATION' is not null
                            limit :batch""")
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
                        "client",
                        "demographics_text",
                        clear.id().toString());
                jdbc.sql("""
                                update client set demographics_text = :sealed,
                                  demographics = demographics - 'FIRST_LANGUAGE' - 'PRESENTING_PROBLEMS' - 'CURRENT_MEDICATION'
                                where id = :id""")
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
