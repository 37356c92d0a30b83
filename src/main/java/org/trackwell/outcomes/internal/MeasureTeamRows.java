package org.trackwell.outcomes.internal;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.trackwell.shared.TenantId;

/** The current tenant's measures switched off for teams; a measure without a row for a team is on for it. */
@Repository
class MeasureTeamRows {

    private final JdbcClient jdbc;

    MeasureTeamRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<String, Set<UUID>> all() {
        Map<String, Set<UUID>> off = new TreeMap<>();
        jdbc.sql("select measure, team_id from measure_off_for_team")
                .query((row, n) -> Map.entry(row.getString(1), row.getObject(2, UUID.class)))
                .list()
                .forEach(e ->
                        off.computeIfAbsent(e.getKey(), k -> new HashSet<>()).add(e.getValue()));
        return off;
    }

    Set<UUID> teamsOff(String measure) {
        return new HashSet<>(jdbc.sql("select team_id from measure_off_for_team where measure = :measure")
                .param("measure", measure)
                .query((row, n) -> row.getObject(1, UUID.class))
                .list());
    }

    void replace(TenantId tenant, String measure, Set<UUID> teams) {
        jdbc.sql("delete from measure_off_for_team where measure = :measure")
                .param("measure", measure)
                .update();
        for (UUID team : teams) {
            jdbc.sql("insert into measure_off_for_team (tenant_id, measure, team_id) values (:tenant, :measure, :team)")
                    .param("tenant", tenant.value())
                    .param("measure", measure)
                    .param("team", team)
                    .update();
        }
    }
}
