package org.trackwell.database.internal;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;

/**
 * After a failover the old primary may come back as a replica with the pool's connections to it
 * still open: they read, but every write fails as read-only. Such a connection is dropped at its
 * first refused write, so the pool's next one goes to the new primary.
 */
final class DemotedPrimaryEviction implements SQLExceptionOverride {

    /** PostgreSQL's read_only_sql_transaction: a write on a server in recovery. */
    static final String READ_ONLY = "25006";

    @java.lang.Override
    public Override adjudicate(SQLException failure) {
        return READ_ONLY.equals(failure.getSQLState()) ? Override.MUST_EVICT : Override.CONTINUE_EVICT;
    }
}
