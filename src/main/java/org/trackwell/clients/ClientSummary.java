package org.trackwell.clients;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A line of a caseload: code, team, risk, and the current episode's stage, if any. */
public record ClientSummary(
        UUID id,
        PseudonymCode code,
        UUID teamId,
        RiskLevel risk,
        @Nullable EpisodeStage stage,
        boolean episodeOpen) {}
