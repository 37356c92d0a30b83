package org.trackwell.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.trackwell.database.internal.DatabasePasswords;
import org.trackwell.database.internal.EmbeddedPostgresServer;
import org.trackwell.database.internal.RoleBootstrap;
import org.trackwell.shared.DirectoryTrees;

/**
 * One real PostgreSQL for the whole test run, set up like production: Trackwell reaches it by URL
 * with a runtime role and a separate owner role, each with its password. Every test makes its own
 * tenants, so tests share it safely. It runs without fsync: a throwaway database, where durability
 * is not what is under test (DatabaseDurabilityIT tests that on a durable server of its own).
 */
public final class TestPostgres {

    public static final String DATABASE = "trackwell_test";
    private static final java.util.Set<String> WITH_AMCHECK = new java.util.HashSet<>();
    public static final String OWNER = "trackwell_owner";
    public static final String RUNTIME = "trackwell_app";

    /** Unpacked once for every server a test run starts. */
    public static final Path BINARIES = Path.of("target/postgres-binaries").toAbsolutePath();

    private static EmbeddedPostgresServer server;

    private TestPostgres() {}

    public static String jdbcUrl() {
        return jdbcUrl(DATABASE);
    }

    /** A database of its own, for tests whose changes would reach every tenant (such as new terms of use). */
    public static synchronized String jdbcUrl(String database) {
        RoleBootstrap.ensureRolesAndDatabase(server().superuser(), database, OWNER, RUNTIME, passwords());
        if (WITH_AMCHECK.add(database)) {
            RoleBootstrap.installAmcheck(server.superuser(database), OWNER);
        }
        return server.jdbcUrl(database);
    }

    /** The port the shared server listens on: to any other installation, a foreign PostgreSQL. */
    public static int port() {
        return Integer.parseInt(jdbcUrl().replaceAll(".*:(\\d+)/.*", "$1"));
    }

    public static DatabasePasswords passwords() {
        return server().passwords();
    }

    private static synchronized EmbeddedPostgresServer server() {
        if (server == null) {
            Path directory;
            try {
                directory = Files.createTempDirectory("trackwell-test-pg");
                server = EmbeddedPostgresServer.open(
                        new EmbeddedPostgresServer.Settings(directory, freePort(), false, BINARIES, false, null),
                        new SecureRandom());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            EmbeddedPostgresServer started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                started.close();
                DirectoryTrees.deleteQuietly(directory);
            }));
        }
        return server;
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A connection as the database superuser, for tests that tamper or inspect the catalogue. */
    public static DataSource asSuperuser() {
        return asSuperuser(DATABASE);
    }

    public static DataSource asSuperuser(String database) {
        jdbcUrl(database);
        return server.superuser(database);
    }

    /** Every row of every table of the database as text, as a COPY of the whole database would show it. */
    public static String dumpEveryTable(String database) {
        JdbcClient superuser = JdbcClient.create(asSuperuser(database));
        StringBuilder dump = new StringBuilder();
        for (String table : superuser
                .sql("select tablename from pg_tables where schemaname = 'public'")
                .query(String.class)
                .list()) {
            superuser
                    .sql("select t::text from \"" + table + "\" t")
                    .query(String.class)
                    .list()
                    .forEach(row -> dump.append(row).append('\n'));
        }
        return dump.toString();
    }

    public static DataSource as(String role) {
        return as(role, DATABASE);
    }

    public static DataSource as(String role, String database) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(jdbcUrl(database));
        dataSource.setUser(role);
        dataSource.setPassword(
                switch (role) {
                    case OWNER -> passwords().owner();
                    case RUNTIME -> passwords().runtime();
                    default -> passwords().superuser();
                });
        return dataSource;
    }
}
