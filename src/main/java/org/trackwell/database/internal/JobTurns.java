package org.trackwell.database.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * A scheduled job's turns in {@code cluster_job}. The lock is a session-level advisory lock on a
 * connection held for the run, so it cannot outlive a node that dies; the times are the database's,
 * the one clock every node shares.
 */
@Component
public class JobTurns {

    private static final String TAKE_TURN = """
            insert into cluster_job (job, last_started, started_by, turns) values (?, now(), ?, 1)
            on conflict (job) do update
                set last_started = now(), started_by = excluded.started_by, turns = cluster_job.turns + 1
                where cluster_job.last_started <= now() - ? * interval '1 millisecond'
            """;

    private final DataSource dataSource;

    JobTurns(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs the work if no other node runs the job now nor started it within {@code gap}; true if it ran. */
    public boolean take(String job, Duration gap, String node, Runnable work) {
        try (Connection connection = dataSource.getConnection()) {
            if (!lock(connection, "select pg_try_advisory_lock(hashtextextended(?, 28))", job)) {
                return false;
            }
            try {
                if (!startTurn(connection, job, gap, node)) {
                    return false;
                }
                work.run();
                return true;
            } finally {
                lock(connection, "select pg_advisory_unlock(hashtextextended(?, 28))", job);
            }
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("scheduled job " + job, e);
        }
    }

    private static boolean lock(Connection connection, String sql, String job) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, "cluster-job " + job);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private static boolean startTurn(Connection connection, String job, Duration gap, String node) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(TAKE_TURN)) {
            statement.setString(1, job);
            statement.setString(2, node);
            statement.setLong(3, gap.toMillis());
            return statement.executeUpdate() == 1;
        }
    }
}
