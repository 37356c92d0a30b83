package org.trackwell.identity.internal;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Counts each service account's calls in the current minute. The count is this node's own: with
 * several nodes behind a load balancer a client gets up to its limit from each, which bounds the
 * load on every node as intended without a write to the database on every call.
 */
@Component
public class CallWindows {

    /** Whether a call is let through, and whether it is the first turned away in its minute. */
    public enum Verdict {
        ALLOWED,
        FIRST_REFUSED,
        REFUSED
    }

    private record Window(long minute, int calls) {}

    private final Map<UUID, Window> windows = new ConcurrentHashMap<>();
    private final Clock clock;

    CallWindows(Clock clock) {
        this.clock = clock;
    }

    public Verdict count(UUID client, int perMinute) {
        long minute = clock.millis() / 60_000;
        Window window = windows.compute(
                client,
                (id, old) -> old == null || old.minute() != minute
                        ? new Window(minute, 1)
                        : new Window(minute, old.calls() + 1));
        if (window.calls() <= perMinute) {
            return Verdict.ALLOWED;
        }
        return window.calls() == perMinute + 1 ? Verdict.FIRST_REFUSED : Verdict.REFUSED;
    }
}
