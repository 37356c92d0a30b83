package org.trackwell.database;

import java.nio.file.Path;
import javax.sql.DataSource;

/**
 * The embedded server's files, for taking physical backups of it: its data directory, the spool
 * its archived WAL segments wait in, and its superuser (for {@code pg_backup_start}).
 */
public record EmbeddedCluster(Path dataDirectory, Path walSpool, boolean archiving, DataSource superuser) {

    @Override
    public String toString() {
        return "EmbeddedCluster[" + dataDirectory + "]";
    }
}
