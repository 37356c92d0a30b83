package org.trackwell.database;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Where the database is and how Trackwell guards it. With no {@code url}, Trackwell runs its own
 * embedded PostgreSQL under the data directory. With a URL, {@code username} is the runtime role
 * (owns nothing, no BYPASSRLS) and {@code ownerUsername} the role that owns the schema and runs the
 * migrations.
 *
 * @param poolSize connections in the request pool: 10 suits 2 cores beside their own PostgreSQL
 *     (docs/operations.md, "Memory, threads and connections")
 * @param unsafeAllowLostWrites for throwaway test databases only: runs the embedded server without
 *     fsync and synchronous commit, and accepts any database that runs so
 * @param embeddedBinaries where the embedded PostgreSQL's programs are unpacked (default: under
 *     the data directory)
 * @param attachToRunningService for operator commands: use the running service's embedded server
 *     (after proving it is this directory's) rather than refusing to start beside it
 * @param giveUpAfter how long the database may stay unreachable before the service exits non-zero,
 *     for its supervisor (systemd) to start it again
 * @param minFreeDisk below this much free space under the data directory, health is DOWN
 * @param archiveWal whether the embedded server archives its WAL for the backups (point-in-time
 *     recovery)
 * @param archiveTimeout the longest a commit waits before its WAL segment is archived: the bound on
 *     how much a lost disk can lose
 */
@ConfigurationProperties("trackwell.database")
public record DatabaseProperties(
        @Nullable String url,
        @DefaultValue("trackwell_app") String username,
        @Nullable String password,
        @DefaultValue("trackwell_owner") String ownerUsername,
        @Nullable String ownerPassword,
        @DefaultValue("54329") int embeddedPort,
        @DefaultValue("10") int poolSize,
        @DefaultValue("false") boolean unsafeAllowLostWrites,
        @Nullable String embeddedBinaries,
        @DefaultValue("false") boolean attachToRunningService,
        @DefaultValue("2m") Duration giveUpAfter,
        @DefaultValue("512MB") DataSize minFreeDisk,
        @DefaultValue("true") boolean archiveWal,
        @DefaultValue("30s") Duration archiveTimeout) {

    public boolean embedded() {
        return url == null || url.isBlank();
    }

    @Override
    public String toString() {
        return "DatabaseProperties[url=" + url + ", username=" + username + ", ownerUsername=" + ownerUsername + "]";
    }
}
