package org.trackwell.audit;

import java.util.Optional;
import java.util.UUID;

/**
 * The verification of one stream: a tenant's trail, or the operator's.
 *
 * @param lastSeq the sequence number the walk reached
 */
public record StreamVerification(
        UUID stream,
        long entriesChecked,
        long checkpointsChecked,
        Optional<ChainBreak> firstBreak,
        double seconds,
        long lastSeq) {

    public boolean ok() {
        return firstBreak.isEmpty();
    }
}
