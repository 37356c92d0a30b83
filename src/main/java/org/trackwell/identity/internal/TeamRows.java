package org.trackwell.identity.internal;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.trackwell.identity.Team;
import org.trackwell.shared.TenantId;
import org.trackwell.shared.UserId;

@Repository
public class TeamRows {

    private final JdbcClient jdbc;

    TeamRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** False when another team has the name in any case, which the database settles for requests at once. */
    public boolean insert(TenantId tenant, Team team) {
        return jdbc.sql("""
                        insert into team (tenant_id, id, name) values (:tenant, :id, :name)
                        on conflict (tenant_id, name_folded) do nothing""")
                        .param("tenant", tenant.value())
                        .param("id", team.id())
                        .param("name", team.name())
                        .update()
                == 1;
    }

    public List<Team> all() {
        return jdbc.sql("select id, name from team order by name")
                .query((row, n) -> new Team(row.getObject("id", UUID.class), row.getString("name")))
                .list();
    }

    public void setMemberships(TenantId tenant, UserId user, Collection<UUID> teams) {
        jdbc.sql("delete from team_member where user_id = :user")
                .param("user", user.value())
                .update();
        for (UUID team : teams) {
            jdbc.sql("insert into team_member (tenant_id, team_id, user_id) values (:tenant, :team, :user)")
                    .param("tenant", tenant.value())
                    .param("team", team)
                    .param("user", user.value())
                    .update();
        }
    }
}
