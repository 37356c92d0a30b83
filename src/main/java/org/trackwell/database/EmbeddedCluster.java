package org.trackwell.database;

import java.nio.file.Path;
import javax.sql.DataSource;

/**
 * The embedded server's files, for taking physical backups of it: its data directory, the spool
 * its archived WAL segments wait in, its superuser (for {@code pg_backup_start}) and where its
 * programs are (to restore a copy for a check).
 */
public record EmbeddedCluster(
        Path dataDirectory, Path walSpool, boolean archiving, DataSource superuser, Path binaries) {

    @Override
    public String toString() {
        return "EmbeddedCluster[" + dataDirectory + "]";
    }
}
