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

    public static Reach of(SignedInUser user) {
        return new Reach(
                user.id().value(),
                user.has(Role.PRACTITIONER),
                user.has(Role.MANAGER),
                user.has(Role.CARER),
                user.teams().toArray(UUID[]::new));
    }

    /** The parameters the reach conditions of the client queries use. */
    Map<String, Object> parameters() {
        return Map.of("user", user, "practitioner", practitioner, "manager", manager, "carer", carer, "teams", teams);
    }

    public boolean seesAnyone() {
        return practitioner || manager || carer;
    }
}
