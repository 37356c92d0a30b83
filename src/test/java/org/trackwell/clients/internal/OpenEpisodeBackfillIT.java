package org.trackwell.clients.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.trackwell.support.TestPostgres;

/**
 * A client whose episode was open before V21 added the open-episode flag: V21's backfill, bound
 * by row-level security, left the flag unset, and V28 sets it.
 */
class OpenEpisodeBackfillIT {

    private static final String DATABASE = "trackwell_open_episode_backfill";

    @Test
    void aClientWithAnEpisodeOpenBeforeTheFlagExistedIsShownAsOpen() throws IOException {
        migrateTo("20");
        JdbcClient superuser = JdbcClient.create(TestPostgres.asSuperuser(DATABASE));
        UUID tenant = UUID.randomUUID();
        UUID team = UUID.randomUUID();
        UUID open = UUID.randomUUID();
        UUID closed = UUID.randomUUID();
        Instant now = Instant.now();
        superuser
                .sql(
                        "insert into tenant (id, slug, display_name, status, created_at) values (:id, :slug, 'Old', 'ACTIVE', :now)")
                .param("id", tenant)
                .param("slug", "backfill" + now.toEpochMilli())
                .param("now", Timestamp.from(now))
                .update();
        superuser
                .sql("insert into team (tenant_id, id, name) values (:tenant, :id, 'Willow House')")
                .param("tenant", tenant)
                .param("id", team)
                .update();
        for (UUID client : new UUID[] {open, closed}) {
            superuser
                    .sql("""
                            insert into client (tenant_id, id, code, team_id, demographics, created_at, created_by)
                            values (:tenant, :id, :code, :team, '{}'::jsonb, :now, :staff)""")
                    .param("tenant", tenant)
                    .param("id", client)
                    .param("code", client == open ? "AAA-AAAA" : "BBB-BBBB")
                    .param("team", team)
                    .param("now", Timestamp.from(now))
                    .param("staff", UUID.randomUUID())
                    .update();
            superuser
                    .sql("""
                            insert into episode (tenant_id, id, client_id, referred_on, stage, created_at, closed_on)
                            values (:tenant, :id, :client, :referredOn, 'REFERRAL', :now, :closedOn)""")
                    .param("tenant", tenant)
                    .param("id", UUID.randomUUID())
                    .param("client", client)
                    .param("referredOn", Date.valueOf(LocalDate.now().minusDays(30)))
                    .param("now", Timestamp.from(now))
                    .param("closedOn", client == open ? null : Date.valueOf(LocalDate.now()))
                    .update();
        }
        migrateTo("21");
        assertThat(openFlag(superuser, open)).as("V21 as it was").isFalse();

        JdbcClient.create(owner())
                .sql(script("V28__client_open_episode_backfilled.sql"))
                .update();

        assertThat(openFlag(superuser, open)).isTrue();
        assertThat(openFlag(superuser, closed)).isFalse();
    }

    private static boolean openFlag(JdbcClient superuser, UUID client) {
        return superuser
                .sql("select open_episode from client where id = :id")
                .param("id", client)
                .query(Boolean.class)
                .single();
    }

    private static void migrateTo(String version) {
        Flyway.configure()
                .dataSource(owner())
                .locations("classpath:db/migration")
                .placeholders(Map.of("runtimeRole", TestPostgres.RUNTIME))
                .target(version)
                .load()
                .migrate();
    }

    private static javax.sql.DataSource owner() {
        org.postgresql.ds.PGSimpleDataSource owner = new org.postgresql.ds.PGSimpleDataSource();
        owner.setUrl(TestPostgres.jdbcUrl(DATABASE));
        owner.setUser(TestPostgres.OWNER);
        owner.setPassword(TestPostgres.passwords().owner());
        return owner;
    }

    private static String script(String name) throws IOException {
        try (InputStream in = OpenEpisodeBackfillIT.class.getResourceAsStream("/db/migration/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
