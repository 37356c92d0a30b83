package org.trackwell.clients.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.trackwell.shared.UserId;

/** A case or session note, opened for reading. */
public record ClientNote(
        UUID id, @Nullable UUID episodeId, Kind kind, String text, Instant writtenAt, UserId writtenBy) {

    public enum Kind {
        CASE,
        SESSION
    }

    @Override
    public String toString() {
        return "ClientNote[id=" + id + ", kind=" + kind + "]";
    }
}
