package org.trackwell.outcomes.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trackwell.audit.AuditTrail;
import org.trackwell.clients.ClientRef;
import org.trackwell.identity.Accounts;
import org.trackwell.identity.Team;
import org.trackwell.shared.CurrentTenant;

/**
 * The service's measures switched off for some of its teams: a measure the service uses is on for
 * every team it is not switched off for. Switching off stops new scores and links for the team's
 * clients; scores already recorded stay as they are and stay visible.
 */
@Service
public class TeamMeasures {

    private final MeasureCatalogue catalogue;
    private final MeasureTeamRows rows;
    private final Accounts accounts;
    private final AuditTrail trail;

    TeamMeasures(MeasureCatalogue catalogue, MeasureTeamRows rows, Accounts accounts, AuditTrail trail) {
        this.catalogue = catalogue;
        this.rows = rows;
        this.accounts = accounts;
        this.trail = trail;
    }

    /** The teams each measure is switched off for, by measure; a measure on for every team is left out. */
    @Transactional(readOnly = true)
    public Map<String, Set<UUID>> teamsOff() {
        return rows.all();
    }

    @Transactional(readOnly = true)
    public Set<UUID> teamsOff(String measure) {
        catalogue.find(measure).orElseThrow(MeasureNotFound::new);
        return rows.teamsOff(measure);
    }

    /** Switches a measure off for exactly {@code teams}, and on for the others; refused whole for an unknown team. */
    @Transactional
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public Set<UUID> switchOff(String measure, Set<UUID> teams) {
        catalogue.find(measure).orElseThrow(MeasureNotFound::new);
        Map<UUID, String> names = accounts.teams().stream().collect(Collectors.toMap(Team::id, Team::name));
        if (!names.keySet().containsAll(teams)) {
            throw new TeamsUnknown();
        }
        Set<UUID> before = rows.teamsOff(measure);
        rows.replace(CurrentTenant.require(), measure, teams);
        trail.recordSettingChanges(
                "measures-off-for-teams", Map.of(measure, named(before, names)), Map.of(measure, named(teams, names)));
        return Set.copyOf(teams);
    }

    /** The service's measures the client's team uses, in order. */
    @Transactional(readOnly = true)
    public List<String> offeredTo(ClientRef client) {
        Map<String, Set<UUID>> off = rows.all();
        return catalogue.settings().enabledMeasures().stream()
                .filter(id -> !off.getOrDefault(id, Set.of()).contains(client.teamId()))
                .sorted()
                .toList();
    }

    /** A measure the service uses and the client's team has not switched off. */
    @Transactional(readOnly = true)
    public Measure requireOffered(ClientRef client, String measure) {
        Measure enabled = catalogue.requireEnabled(measure);
        if (rows.teamsOff(measure).contains(client.teamId())) {
            throw new MeasureOffForTeam(measure);
        }
        return enabled;
    }

    private static String named(Set<UUID> teams, Map<UUID, String> names) {
        return teams.stream()
                .map(team -> names.getOrDefault(team, "a removed team"))
                .sorted()
                .collect(Collectors.joining(","));
    }
}
