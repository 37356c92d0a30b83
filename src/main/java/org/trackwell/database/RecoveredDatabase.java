package org.trackwell.database;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.trackwell.database.internal.EmbeddedPostgresServer;

/**
 * Point-in-time recovery of the embedded server: started on a restored data directory that holds a
 * {@code recovery.signal}, PostgreSQL replays the archived WAL up to its target and promotes itself;
 * this waits for that and reports the time of the last transaction it replayed.
 */
public final class RecoveredDatabase {

    private RecoveredDatabase() {}

    /** Refuses while a Trackwell runs on the installation: its data must not be replaced under it. */
    public static void requireStopped(Path installation) {
        EmbeddedPostgresServer.requireNoServiceOn(installation);
    }

    /**
     * The time of the last transaction replayed, once the server has left recovery; then
     * {@code afterRecovery} runs as the superuser on Trackwell's database, before anything else can reach the server, and
     * the server is stopped again.
     */
    public static Optional<Instant> recover(
            Path installation, int port, Path binaries, Duration within, Consumer<DataSource> afterRecovery) {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.open(
                new EmbeddedPostgresServer.Settings(installation, port, true, binaries, false, Duration.ofSeconds(30)),
                new SecureRandom())) {
            long deadline = System.nanoTime() + within.toNanos();
            try (Connection connection = server.superuser().getConnection();
                    Statement sql = connection.createStatement()) {
                while (inRecovery(sql)) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("PostgreSQL was still replaying WAL after " + within);
                    }
                    Thread.sleep(200);
                }
                Optional<Instant> reached;
                try (ResultSet row = sql.executeQuery("select pg_last_xact_replay_timestamp()")) {
                    row.next();
                    reached = Optional.ofNullable(row.getTimestamp(1)).map(Timestamp::toInstant);
                }
                afterRecovery.accept(server.superuser(EmbeddedPostgresServer.DATABASE));
                return reached;
            } catch (SQLException e) {
                throw new IllegalStateException("PostgreSQL did not recover: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while PostgreSQL recovered", e);
            }
        }
    }

    private static boolean inRecovery(Statement sql) throws SQLException {
        try (ResultSet row = sql.executeQuery("select pg_is_in_recovery()")) {
            row.next();
            return row.getBoolean(1);
        }
    }
}
