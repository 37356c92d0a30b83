package org.trackwell.clients;

import java.util.Map;
import java.util.UUID;
import org.trackwell.identity.Role;
import org.trackwell.identity.SignedInUser;

/**
 * The clients whose clinical record a user reaches (practitioners: their allocated clients;
 * managers: their teams' clients), as a condition on {@code client c} for a report that another
 * module computes in one query. The rule is this module's; a report only applies it.
 */
public record ClinicalReach(UUID user, boolean practitioner, boolean manager, UUID[] teams) {

    /** True for the rows of {@code client c} in reach; needs {@link #parameters()}. */
    public static final String CONDITION = """
            ((:reachPractitioner and exists (select 1 from client_allocation a
                where a.client_id = c.id and a.user_id = :reachUser))
             or (:reachManager and c.team_id = any(:reachTeams)))""";

    public static ClinicalReach of(SignedInUser user) {
        return new ClinicalReach(
                user.id().value(),
                user.has(Role.PRACTITIONER),
                user.has(Role.MANAGER),
                user.teams().toArray(UUID[]::new));
    }

    public Map<String, Object> parameters() {
        return Map.of(
                "reachUser", user, "reachPractitioner", practitioner, "reachManager", manager, "reachTeams", teams);
    }

    public boolean seesAnyone() {
        return practitioner || manager;
    }
}
