package org.trackwell.database;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.trackwell.support.TestPostgres;
import org.trackwell.support.TrackwellTest;

/**
 * A node whose code is older than the schema (a newer node has migrated the database) refuses to
 * start: the migration at start fails, with the migration it does not know named.
 */
@TrackwellTest
class NewerSchemaIT {

    private static final String DATABASE = "trackwell_newer_schema";

    @Autowired
    Flyway flyway;

    @Test
    void refusesASchemaNewerThanItsCode() {
        Flyway node = Flyway.configure(getClass().getClassLoader())
                .configuration(flyway.getConfiguration())
                .dataSource(
                        TestPostgres.jdbcUrl(DATABASE),
                        TestPostgres.OWNER,
                        TestPostgres.passwords().owner())
                .load();
        JdbcClient owner = JdbcClient.create(TestPostgres.as(TestPostgres.OWNER, DATABASE));
        node.migrate();
        owner.sql("delete from flyway_schema_history where version = '9999'").update();
        node.migrate();
        owner.sql("""
                        insert into flyway_schema_history
                            (installed_rank, version, description, type, script, checksum, installed_by, execution_time, success)
                        select max(installed_rank) + 1, '9999', 'from a newer node', 'SQL', 'V9999__from_a_newer_node.sql',
                               0, current_user, 0, true
                        from flyway_schema_history
                        """).update();
        try {
            assertThatThrownBy(node::migrate).hasMessageContaining("9999").hasMessageContaining("not resolved locally");
        } finally {
            owner.sql("delete from flyway_schema_history where version = '9999'")
                    .update();
        }
    }
}
