package org.trackwell.database.internal;

import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.trackwell.database.DurabilitySettings;
import org.trackwell.shared.StartRefused;

/** Reads the durability settings of the database in use, and refuses one that can lose acknowledged writes. */
final class Durability {

    private Durability() {}

    static DurabilitySettings read(DataSource dataSource) {
        return JdbcClient.create(dataSource)
                .sql("""
                        select current_setting('fsync') as fsync,
                               current_setting('synchronous_commit') as synchronous_commit,
                               current_setting('full_page_writes') as full_page_writes,
                               current_setting('data_checksums') as data_checksums,
                               current_setting('wal_level') as wal_level
                        """)
                .query(DurabilitySettings.class)
                .single();
    }

    static void requireSafe(DataSource dataSource, boolean unsafeAllowed) {
        DurabilitySettings settings = read(dataSource);
        if (!settings.safe() && !unsafeAllowed) {
            throw new StartRefused(
                    "The database can lose writes it has acknowledged: fsync=" + settings.fsync()
                            + ", synchronous_commit=" + settings.synchronousCommit() + ", full_page_writes="
                            + settings.fullPageWrites() + ".",
                    "Turn all three on in the database server's configuration (and for Trackwell's roles). Only a"
                            + " throwaway test database may run so, with TRACKWELL_DATABASE_UNSAFE_ALLOW_LOST_WRITES=true.");
        }
    }
}
