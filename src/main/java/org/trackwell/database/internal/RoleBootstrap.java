package org.trackwell.database.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Creates, on a server where Trackwell is superuser (the embedded one, and the tests'), the two
 * roles of a production set-up: the owner that migrates and the runtime role that owns nothing.
 * Role names are fixed identifiers checked below, never user input.
 */
public final class RoleBootstrap {

    private RoleBootstrap() {}

    public static void ensureRolesAndDatabase(
            DataSource superuser, String database, String owner, String runtime, DatabasePasswords passwords) {
        requireIdentifier(database);
        requireIdentifier(owner);
        requireIdentifier(runtime);
        JdbcClient jdbc = JdbcClient.create(superuser);
        createRoleIfMissing(jdbc, owner);
        createRoleIfMissing(jdbc, runtime);
        setPassword(superuser, owner, passwords.owner());
        setPassword(superuser, runtime, passwords.runtime());
        boolean exists = jdbc.sql("select count(*) from pg_database where datname = :name")
                        .param("name", database)
                        .query(Long.class)
                        .single()
                > 0;
        if (!exists) {
            execute(superuser, "create database " + database + " owner " + owner + " encoding 'UTF8'");
            execute(superuser, "revoke all on database " + database + " from public");
            execute(superuser, "grant connect on database " + database + " to " + runtime);
        }
    }

    /**
     * Installs PostgreSQL's amcheck in the database (connected to as superuser) and lets the owner
     * run its index check, for the integrity checks (docs/monitoring.md).
     */
    public static void installAmcheck(DataSource superuserOnDatabase, String owner) {
        requireIdentifier(owner);
        execute(superuserOnDatabase, "create extension if not exists amcheck");
        execute(superuserOnDatabase, "grant execute on function bt_index_check(regclass) to " + owner);
        execute(superuserOnDatabase, "grant execute on function bt_index_check(regclass, boolean) to " + owner);
    }

    private static void createRoleIfMissing(JdbcClient jdbc, String role) {
        boolean exists = jdbc.sql("select count(*) from pg_roles where rolname = :role")
                        .param("role", role)
                        .query(Long.class)
                        .single()
                > 0;
        if (!exists) {
            jdbc.sql("create role " + role + " login").update();
        }
        jdbc.sql("alter role " + role + " nosuperuser nocreatedb nocreaterole noinherit noreplication nobypassrls")
                .update();
    }

    /** The verifier is computed here (SCRAM), so the password itself never reaches the server or its log. */
    private static void setPassword(DataSource superuser, String role, String password) {
        try (Connection connection = superuser.getConnection()) {
            connection.unwrap(PGConnection.class).alterUserPassword(role, password.toCharArray(), "scram-sha-256");
        } catch (SQLException e) {
            throw new IllegalStateException("could not set the password of " + role, e);
        }
    }

    private static void execute(DataSource dataSource, String sql) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("database bootstrap failed", e);
        }
    }

    private static void requireIdentifier(String name) {
        if (!name.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a plain PostgreSQL identifier: " + name);
        }
    }
}
