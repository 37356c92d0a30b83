package org.trackwell.clients;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A line of a caseload: code, team, risk, and the current episode (the open one, else the latest),
 * if any; or, for an erased client, when and by which erasure request.
 */
public record ClientSummary(
        UUID id,
        PseudonymCode code,
        UUID teamId,
        RiskLevel risk,
        @Nullable UUID episodeId,
        @Nullable EpisodeStage stage,
        boolean episodeOpen,
        @Nullable Instant erasedAt,
        @Nullable Integer erasedByRequest) {

    /** Whether only the tombstone of this client is left. */
    public boolean erased() {
        return erasedAt != null;
    }
}
