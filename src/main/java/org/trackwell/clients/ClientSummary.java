package org.trackwell.clients;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A line of a caseload: code, team, risk, and the current episode (the open one, else the latest),
 * if any.
 */
public record ClientSummary(
        UUID id,
        PseudonymCode code,
        UUID teamId,
        RiskLevel risk,
        @Nullable UUID episodeId,
        @Nullable EpisodeStage stage,
        boolean episodeOpen) {}
