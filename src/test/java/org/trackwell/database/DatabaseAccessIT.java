package org.trackwell.database;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trackwell.support.TestPostgres;

/**
 * The embedded server as a hostile local user meets it: nobody gets in without a password, and the
 * runtime role, which the application uses, cannot reach the server's files or switch off the
 * database's own defences. Against the tests' embedded server, which runs the same code as
 * production's.
 */
class DatabaseAccessIT {

    @ParameterizedTest
    @ValueSource(strings = {"postgres", TestPostgres.OWNER, TestPostgres.RUNTIME})
    void refusesEveryRoleWithoutItsPassword(String role) {
        assertThatThrownBy(() -> DriverManager.getConnection(TestPostgres.jdbcUrl(), role, ""))
                .isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> DriverManager.getConnection(TestPostgres.jdbcUrl(), role, "guessed"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("password authentication failed");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "copy (select 1) to program 'id'",
                "create temporary table stolen (line text); copy stolen from program 'cat /etc/hostname'",
                "select pg_read_file('postgresql.conf')",
                "select pg_read_binary_file('global/pg_control')",
                "select * from pg_ls_dir('.')",
                "alter table audit_event disable trigger all",
                "alter table client disable row level security",
                "set session_replication_role = replica",
                "create role intruder superuser",
                "alter role trackwell_app bypassrls"
            })
    void keepsTheRuntimeRoleFromFilesProgramsAndTheDatabasesDefences(String statement) throws SQLException {
        try (Connection runtime = TestPostgres.as(TestPostgres.RUNTIME).getConnection();
                Statement sql = runtime.createStatement()) {
            assertThatThrownBy(() -> sql.execute(statement)).isInstanceOf(SQLException.class);
        }
    }

    @Test
    void theOwnerRoleIsNoSuperuser() throws SQLException {
        try (Connection owner = TestPostgres.as(TestPostgres.OWNER).getConnection();
                Statement sql = owner.createStatement()) {
            assertThatThrownBy(() -> sql.execute("copy (select 1) to program 'id'"))
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> sql.execute("set session_replication_role = replica"))
                    .isInstanceOf(SQLException.class);
        }
    }
}
