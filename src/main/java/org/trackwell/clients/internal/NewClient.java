package org.trackwell.clients.internal;

import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What a practitioner or manager enters to add a client. */
public record NewClient(
        UUID teamId,
        @Nullable String reference,
        Map<Demographic, Object> demographics,
        Identifiers identifiers,
        boolean acknowledgeIdentifying) {

    @Override
    public String toString() {
        return "NewClient[teamId=" + teamId + "]";
    }
}
