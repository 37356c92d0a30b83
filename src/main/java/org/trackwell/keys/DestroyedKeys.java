package org.trackwell.keys;

import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.trackwell.keys.internal.ClientKeyRows;
import org.trackwell.keys.internal.TenantKeyRows;

/**
 * Destroys keys again in a database restored from a backup taken before they were destroyed, so
 * that a restore never brings erased data back, and closes again a tenant whose keys went because
 * it closed (its rows and audit stream removed, V120__tenant_closure.sql). Runs as the superuser on
 * the restored server before anything else opens it; destroying a key or closing a tenant twice
 * changes nothing.
 */
public final class DestroyedKeys {

    private DestroyedKeys() {}

    /** Returns how many of the keys were still there and are destroyed now. */
    public static int destroyAgain(DataSource superuser, List<KeyDestroyed> destroyed) {
        JdbcClient jdbc = JdbcClient.create(superuser);
        ClientKeyRows clients = new ClientKeyRows(jdbc);
        TenantKeyRows tenants = new TenantKeyRows(jdbc);
        int again = 0;
        for (KeyDestroyed key : destroyed) {
            again += key.clientKey()
                    .map(client -> clients.destroyAgain(key.tenant(), client, key.at()))
                    .orElseGet(() -> tenants.destroyAgain(key.tenant(), key.at()));
            if (key.tenantClosed()) {
                closeAgain(jdbc, key);
            }
        }
        return again;
    }

    private static void closeAgain(JdbcClient jdbc, KeyDestroyed key) {
        jdbc.sql("select close_tenant_again(id, :at) from tenant where id = :tenant and closed_at is null")
                .param("tenant", key.tenant().value())
                .param("at", java.sql.Timestamp.from(key.at()))
                .query()
                .listOfRows();
    }
}
