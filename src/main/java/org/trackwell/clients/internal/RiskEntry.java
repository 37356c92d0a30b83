package org.trackwell.clients.internal;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.trackwell.clients.RiskLevel;
import org.trackwell.shared.UserId;

/** One dated risk rating in a client's history, with its note. */
public record RiskEntry(
        RiskLevel level, @Nullable String note, LocalDate assessedOn, Instant recordedAt, UserId recordedBy) {

    @Override
    public String toString() {
        return "RiskEntry[level=" + level + ", assessedOn=" + assessedOn + "]";
    }
}
