package org.trackwell.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A stream's chain as the operator sees it: how long it is and when it was last signed. */
public record StreamStatus(
        long sealedEntries,
        long lastCheckpointSeq,
        @Nullable Instant lastCheckpointAt) {}
