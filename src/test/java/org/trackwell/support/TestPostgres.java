package org.trackwell.support;

import java.nio.file.Files;
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

    public static String jdbcUrl() {
        return jdbcUrl(DATABASE);
    }

    /** A database of its own, for tests whose changes would reach every tenant (such as new terms of use). */
    public static synchronized String jdbcUrl(String database) {
        if (server == null) {
            try {
                server = EmbeddedPostgresServer.startOrAttach(Files.createTempDirectory("trackwell-test-pg"), 0);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        RoleBootstrap.ensureRolesAndDatabase(server.superuser(), database, OWNER, RUNTIME);
        return server.jdbcUrl(database);
    }

    /** A connection as the database superuser, for tests that tamper or inspect the catalogue. */
    public static DataSource asSuperuser() {
        return as("postgres");
    }

    public static DataSource asSuperuser(String database) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(jdbcUrl(database));
        dataSource.setUser("postgres");
        return dataSource;
    }

    public static DataSource as(String role) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(jdbcUrl());
        dataSource.setUser(role);
        return dataSource;
    }
}
