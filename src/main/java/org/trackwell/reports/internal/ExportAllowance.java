package org.trackwell.reports.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.trackwell.identity.SignedInUser;
import org.trackwell.reports.ExportsTooFrequent;

/**
 * How many downloads a user may start: {@value #LIMIT} in any {@link #WINDOW}. Counted on this
 * node, in memory: a limit against a person or script pulling data in bulk, not an accounting
 * (every download is in the audit trail as {@code report.exported}, which monitoring's exports
 * rule watches across nodes).
 */
@Component
public class ExportAllowance {

    static final int LIMIT = 20;
    static final Duration WINDOW = Duration.ofMinutes(10);

    private final Map<String, Deque<Instant>> started = new ConcurrentHashMap<>();
    private final Clock clock;

    ExportAllowance(Clock clock) {
        this.clock = clock;
    }

    /** Counts one download, or refuses it when the user is at the limit. */
    public void take(SignedInUser user) {
        Instant now = clock.instant();
        String key = user.tenant().value() + "/" + user.id().value();
        started.compute(key, (k, times) -> {
            Deque<Instant> recent = times == null ? new ArrayDeque<>() : times;
            while (!recent.isEmpty() && !recent.peekFirst().isAfter(now.minus(WINDOW))) {
                recent.pollFirst();
            }
            if (recent.size() >= LIMIT) {
                throw new ExportsTooFrequent(
                        LIMIT, WINDOW, Duration.between(now, recent.getFirst().plus(WINDOW)));
            }
            recent.addLast(now);
            return recent;
        });
    }
}
