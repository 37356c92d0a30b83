package org.trackwell.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Direct connections to the server's database as its runtime role, for the baselines. */
final class Jdbc {

    private Jdbc() {}

    static Connection connect(Server server) {
        try {
            Connection connection = DriverManager.getConnection(
                    server.jdbcUrl(),
                    server.environment.getOrDefault("TRACKWELL_DATABASE_USERNAME", "trackwell_app"),
                    password(server, "TRACKWELL_DATABASE_PASSWORD", "runtime"));
            connection.setAutoCommit(false);
            return connection;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** As {@link #connect}, with batches sent as multi-row inserts (COPY is refused under row-level security). */
    static Connection connectForBulk(Server server) throws SQLException {
        Connection connection = DriverManager.getConnection(
                server.jdbcUrl() + (server.jdbcUrl().contains("?") ? "&" : "?") + "reWriteBatchedInserts=true",
                server.environment.getOrDefault("TRACKWELL_DATABASE_USERNAME", "trackwell_app"),
                password(server, "TRACKWELL_DATABASE_PASSWORD", "runtime"));
        connection.setAutoCommit(false);
        return connection;
    }

    /** As the owner role, which alone may ANALYZE the tables (statistics after bulk seeding). */
    static Connection connectAsOwner(Server server) throws SQLException {
        return DriverManager.getConnection(
                server.jdbcUrl(),
                server.environment.getOrDefault("TRACKWELL_DATABASE_OWNER_USERNAME", "trackwell_owner"),
                password(server, "TRACKWELL_DATABASE_OWNER_PASSWORD", "owner"));
    }

    /** As the embedded server's superuser, for switching WAL segments. */
    static Connection connectAsSuperuser(Server server) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(), "postgres", password(server, "", "superuser"));
    }

    /** The configured password, or the embedded server's generated one from the data directory. */
    private static String password(Server server, String variable, String role) {
        String configured = server.environment.get(variable);
        if (configured != null) {
            return configured;
        }
        java.util.Properties stored = new java.util.Properties();
        try (java.io.Reader in = java.nio.file.Files.newBufferedReader(
                server.dataDirectory.resolve("keys/database.properties"))) {
            stored.load(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return stored.getProperty(role);
    }

    static String tenantId(Server server, String slug) throws SQLException {
        try (Connection connection = connect(server);
                PreparedStatement query = connection.prepareStatement("select id::text from tenant where slug = ?")) {
            query.setString(1, slug);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }

    static boolean tenantExists(Server server, String slug) throws SQLException {
        try (Connection connection = connect(server);
                PreparedStatement query = connection.prepareStatement("select 1 from tenant where slug = ?")) {
            query.setString(1, slug);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    static void setTenant(Connection connection, String tenant) throws SQLException {
        try (PreparedStatement set = connection.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
            set.setString(1, tenant);
            set.execute();
        }
    }
}
