package org.trackwell.monitoring;

import java.time.Instant;

/** One run of one check: what it found, in words, and when. Never tenant content. */
public record CheckResult(Check check, CheckStatus status, String summary, Instant checkedAt) {

    public boolean finding() {
        return status == CheckStatus.FINDING;
    }
}
