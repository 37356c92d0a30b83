package org.trackwell.database.internal;

import java.sql.Connection;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One connection of its own for watching the database, apart from the pool: a pool busy with
 * requests must not look like a database that is down, nor a down database hide behind pooled
 * connections. Short timeouts bound every check.
 */
final class ProbeConnection implements AutoCloseable {

    interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    private final PGSimpleDataSource source = new PGSimpleDataSource();
    private @Nullable Connection connection;

    ProbeConnection(String jdbcUrl, String user, @Nullable String password) {
        source.setUrl(jdbcUrl);
        source.setUser(user);
        if (password != null) {
            source.setPassword(password);
        }
        source.setConnectTimeout(2);
        source.setSocketTimeout(5);
        source.setApplicationName("trackwell-health");
    }

    synchronized <T> T use(Work<T> work) throws SQLException {
        try {
            if (connection == null || connection.isClosed()) {
                connection = source.getConnection();
            }
            return work.on(connection);
        } catch (SQLException | RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // already broken: nothing left to release
            }
            connection = null;
        }
    }
}
