package org.trackwell.web.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Gives back to the system the heap a busy spell made the JVM commit, once nobody is using the
 * service.
 *
 * <p>The serial collector (bin/java-options) keeps every page of heap it committed until a full
 * collection shrinks the heap to its live objects and some room ({@code -XX:MaxHeapFreeRatio}), and
 * a quiet service makes few collections, none of them full: after a burst of sign-ins the process
 * stayed tens of MB larger than it needed, for good. So once no request has come for {@link
 * #QUIET}, the heap is collected in full, once until requests come again: its pause (a few tenths
 * of a second) holds up only background jobs. {@link #QUIET} is
 * longer than the hashing threads' keep-alive, so their blocks have gone by then. Background work
 * after that (the audit sealer catching up with a spell's entries) can make the heap grow again
 * with no request: once it has grown by {@link #REGROWN}, it is collected again, at most once per
 * {@link #QUIET}.
 */
@Component
class IdleCollection {

    static final Duration QUIET = Duration.ofSeconds(15);
    static final long REGROWN = 16L << 20;
    private static final Logger log = LoggerFactory.getLogger(IdleCollection.class);

    private final Supplier<Instant> lastRequest;
    private final Heap heap;
    private final Clock clock;
    private Instant collectedAt = Instant.MIN;
    private long committedAfter;

    @Autowired
    IdleCollection(RequestActivity activity, Clock clock) {
        this(activity::lastRequest, new JvmHeap(), clock);
    }

    IdleCollection(Supplier<Instant> lastRequest, Heap heap, Clock clock) {
        this.lastRequest = lastRequest;
        this.heap = heap;
        this.clock = clock;
    }

    /**
     * Collects the heap in full once after each busy spell, when no request has come for a while,
     * and again when it has grown since; whether it did.
     */
    @Scheduled(fixedDelayString = "${trackwell.web.idle-collection-check:5s}")
    synchronized boolean collectWhenQuiet() {
        Instant now = clock.instant();
        Instant last = lastRequest.get();
        if (now.isBefore(last.plus(QUIET))) {
            return false;
        }
        long before = heap.committed();
        boolean spellSinceLast = !collectedAt.isAfter(last);
        boolean grownSince = before > committedAfter + REGROWN && !now.isBefore(collectedAt.plus(QUIET));
        if (!spellSinceLast && !grownSince) {
            return false;
        }
        long started = System.nanoTime();
        heap.collect();
        collectedAt = now;
        committedAfter = heap.committed();
        log.debug(
                "No requests: collected the heap in {} ms, committed {} MB before and {} MB after",
                (System.nanoTime() - started) / 1_000_000,
                before >> 20,
                heap.committed() >> 20);
        return true;
    }

    /** What the collection needs of the JVM's heap; tests give their own. */
    interface Heap {

        long committed();

        void collect();
    }

    private static final class JvmHeap implements Heap {

        @Override
        public long committed() {
            return Runtime.getRuntime().totalMemory();
        }

        @Override
        public void collect() {
            System.gc();
        }
    }
}
