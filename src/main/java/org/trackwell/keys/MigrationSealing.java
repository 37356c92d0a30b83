package org.trackwell.keys;

import java.sql.Connection;
import java.time.Clock;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;
import org.trackwell.keys.internal.ClientKeyRows;
import org.trackwell.keys.internal.MasterKey;
import org.trackwell.keys.internal.TenantKeyRows;
import org.trackwell.shared.CurrentTenant;
import org.trackwell.shared.TenantId;

/**
 * Sealing for a schema migration that turns clear columns into sealed ones. A migration runs on a
 * connection of its own before the application's connections exist, so this seals through that
 * connection, with the same keys, addresses and ciphertexts as {@link FieldEncryption}: what it
 * seals, the application opens.
 */
@Component
public class MigrationSealing {

    /** Seals one field of the current tenant; {@link CannotOpen} if the key it needs was destroyed. */
    @FunctionalInterface
    public interface Sealer {
        EncryptedText seal(FieldAddress address, String plaintext);
    }

    /** The migration's work for one tenant, which is current on the connection while it runs. */
    @FunctionalInterface
    public interface TenantWork {
        void run(TenantId tenant, Sealer sealer);
    }

    private final MasterKey master;
    private final Clock clock;

    MigrationSealing(MasterKey master, Clock clock) {
        this.master = master;
        this.clock = clock;
    }

    /** Runs {@code work} for every tenant in turn, with that tenant set on the connection for row-level security. */
    public void forEachTenant(Connection connection, TenantWork work) {
        JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
        Keyring keyring = new Keyring(new TenantKeyRows(jdbc), new ClientKeyRows(jdbc), master, clock);
        for (UUID id : jdbc.sql("select id from tenant order by id")
                .query((row, n) -> row.getObject(1, UUID.class))
                .list()) {
            TenantId tenant = new TenantId(id);
            setTenant(jdbc, id.toString());
            try (CurrentTenant.Scope scope = CurrentTenant.enter(tenant)) {
                work.run(tenant, keyring::seal);
            }
        }
        setTenant(jdbc, "");
    }

    private static void setTenant(JdbcClient jdbc, String tenant) {
        jdbc.sql("select set_config('app.tenant_id', :tenant, true)")
                .param("tenant", tenant)
                .query(String.class)
                .single();
    }
}
