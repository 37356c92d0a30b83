package org.trackwell.database;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** Whether the database can take writes now, and what it is set up to promise. */
public interface DatabaseHealth {

    /** Ready to serve: a real write succeeded in the last few seconds and the data disk is not nearly full. */
    Readiness readiness();

    /** The database has stopped answering and requests should be turned away at once, not wait. */
    boolean unreachable();

    DurabilitySettings durability();

    /** How many times the embedded server was started again after it stopped unexpectedly (0 for an external one). */
    int embeddedRestarts();

    record Readiness(boolean databaseWritable, boolean diskSpaceOk, long freeDiskBytes) {

        public boolean ready() {
            return databaseWritable && diskSpaceOk;
        }
    }

    /** Whether a failure means the database is out of reach (down, restarting, failing over), not a bad request. */
    static boolean isOutage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException
                    || cause instanceof CannotCreateTransactionException
                    // A commit or rollback that fails in JDBC itself: the connection broke under it.
                    || (cause instanceof TransactionSystemException && cause.getCause() instanceof SQLException)
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                // 08: connection exceptions; 57P01-57P03: shut down by an administrator, crashed, starting up;
                // 25006: a write on a connection to a primary demoted by a failover.
                if (state.startsWith("08")
                        || state.equals("57P01")
                        || state.equals("57P02")
                        || state.equals("57P03")
                        || state.equals("25006")) {
                    return true;
                }
            }
        }
        return false;
    }
}
