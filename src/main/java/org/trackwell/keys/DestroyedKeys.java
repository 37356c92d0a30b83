package org.trackwell.keys;

import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.trackwell.keys.internal.ClientKeyRows;
import org.trackwell.keys.internal.TenantKeyRows;

/**
 * Destroys keys again in a database restored from a backup taken before they were destroyed, so
 * that a restore never brings erased data back. Runs as the superuser on the restored server before
 * anything else opens it; destroying a key twice changes nothing.
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
        }
        return again;
    }
}
