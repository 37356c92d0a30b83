package org.trackwell.support;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.trackwell.database.internal.EmbeddedPostgresServer;
import org.trackwell.database.internal.RoleBootstrap;

/**
 * One real PostgreSQL for the whole test run, set up like production: Trackwell reaches it by URL
 * with a runtime role and a separate owner role. Every test makes its own tenants, so tests share
 * it safely.
 */
public final class TestPostgres {

    public static final String DATABASE = "trackwell_test";
    public static final String OWNER = "trackwell_owner";
    public static final String RUNTIME = "trackwell_app";

    private static EmbeddedPostgresServer server;

    private TestPostgres() {}

    public static synchronized String jdbcUrl() {
        if (server == null) {
            try {
                Path directory = Files.createTempDirectory("trackwell-test-pg");
                server = EmbeddedPostgresServer.startOrAttach(directory, 0);
                RoleBootstrap.ensureRolesAndDatabase(server.superuser(), DATABASE, OWNER, RUNTIME);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return server.jdbcUrl(DATABASE);
    }

    /** A connection as the database superuser, for tests that tamper or inspect the catalogue. */
    public static DataSource asSuperuser() {
        return as("postgres");
    }

    public static DataSource as(String role) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(jdbcUrl());
        dataSource.setUser(role);
        return dataSource;
    }
}
