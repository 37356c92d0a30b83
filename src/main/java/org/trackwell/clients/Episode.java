package org.trackwell.clients;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.trackwell.clients.internal.ClosureReason;

/** An episode of care, from referral to closure; a closed one is read-only but for follow-ups. */
public record Episode(
        UUID id,
        LocalDate referredOn,
        @Nullable String referralSource,
        EpisodeStage stage,
        @Nullable LocalDate closedOn,
        @Nullable Boolean closurePlanned,
        @Nullable ClosureReason closureReason,
        List<LocalDate> followUps) {

    public boolean open() {
        return closedOn == null;
    }
}
