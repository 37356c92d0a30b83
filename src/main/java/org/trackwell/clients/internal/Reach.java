package org.trackwell.clients.internal;

import java.util.Map;
import java.util.UUID;
import org.trackwell.identity.Role;
import org.trackwell.identity.SignedInUser;

/**
 * Which clients a user may see, as query parameters: practitioners their allocated clients,
 * managers their teams' clients (both in full), carers their teams' clients for medication only.
 * Tenant admins and auditors see no clients through this alone.
 */
public record Reach(UUID user, boolean practitioner, boolean manager, boolean carer, UUID[] teams) {

    /** The condition, over {@code client c}, that a client is within reach; it takes {@link #parameters()}. */
    static final String CONDITION = """
            ((:practitioner and exists (select 1 from client_allocation a where a.client_id = c.id and a.user_id = :user))
             or (:manager and c.team_id = any(:teams)) or (:carer and c.team_id = any(:teams)))""";

    public static Reach of(SignedInUser user) {
        return new Reach(
                user.id().value(),
                user.has(Role.PRACTITIONER),
                user.has(Role.MANAGER),
                user.has(Role.CARER),
                user.teams().toArray(UUID[]::new));
    }

    /** The user's clinical reach: as practitioner or manager, without the carer's reach for medication. */
    public static Reach clinicalOf(SignedInUser user) {
        Reach reach = of(user);
        return new Reach(reach.user(), reach.practitioner(), reach.manager(), false, reach.teams());
    }

    /** The parameters the reach conditions of the client queries use. */
    Map<String, Object> parameters() {
        return Map.of("user", user, "practitioner", practitioner, "manager", manager, "carer", carer, "teams", teams);
    }

    public boolean seesAnyone() {
        return practitioner || manager || carer;
    }
}
