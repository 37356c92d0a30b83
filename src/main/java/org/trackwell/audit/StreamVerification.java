package org.trackwell.audit;

import java.util.Optional;
import java.util.UUID;

/** The verification of one stream: a tenant's trail, or the operator's. */
public record StreamVerification(
        UUID stream, long entriesChecked, long checkpointsChecked, Optional<ChainBreak> firstBreak, double seconds) {

    public boolean ok() {
        return firstBreak.isEmpty();
    }
}
