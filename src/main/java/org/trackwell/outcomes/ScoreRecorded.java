package org.trackwell.outcomes;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.trackwell.clients.PseudonymCode;
import org.trackwell.shared.TenantId;

/**
 * A measure was answered and scored at a session; published in the transaction that records it.
 * Holds the score, never the answers.
 *
 * @param completedBy {@code practitioner} or {@code client} (through a link)
 */
public record ScoreRecorded(
        TenantId tenant,
        UUID administration,
        UUID client,
        PseudonymCode code,
        UUID session,
        String measure,
        int measureVersion,
        @Nullable Double total,
        @Nullable String band,
        @Nullable Boolean isCase,
        String completedBy,
        Instant recordedAt) {}
