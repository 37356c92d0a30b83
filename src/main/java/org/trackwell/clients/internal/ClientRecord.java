package org.trackwell.clients.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.trackwell.clients.PseudonymCode;
import org.trackwell.clients.RiskLevel;
import org.trackwell.shared.UserId;

/**
 * A client as one user may see them. With {@link Access#MEDICATION} (carers) the reference,
 * demographics and clinical parts are left out.
 */
public record ClientRecord(
        UUID id,
        PseudonymCode code,
        UUID teamId,
        Access access,
        @Nullable String reference,
        Map<Demographic, Object> demographics,
        Identifiers identifiers,
        RiskLevel risk,
        List<UserId> practitioners) {

    /** How much of a client a user may see. */
    public enum Access {
        FULL,
        MEDICATION
    }

    @Override
    public String toString() {
        return "ClientRecord[code=" + code + ", access=" + access + "]";
    }
}
