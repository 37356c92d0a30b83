package org.trackwell.web.internal;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Gives back to the system the heap a busy spell made the JVM commit, once the service is quiet.
 *
 * <p>The serial collector (bin/java-options) keeps every page of heap it committed until a full
 * collection shrinks the heap to its live objects and some room ({@code -XX:MaxHeapFreeRatio}), and
 * a quiet service makes no collections at all: after a burst of sign-ins the process stayed about
 * 100 MB larger than it needed, for good. So when the heap has grown since the last collection made
 * here and the collector has had nothing to do for {@link #QUIET} (so almost nothing is being
 * allocated, and nobody waits on the pause, a tenth of a second or so), the heap is collected in
 * full once. {@link #QUIET} is longer than the hashing threads' keep-alive, so their blocks have
 * gone by then.
 */
@Component
class IdleCollection {

    static final Duration QUIET = Duration.ofSeconds(15);
    private static final Logger log = LoggerFactory.getLogger(IdleCollection.class);

    private final Heap heap;
    private final Clock clock;
    private long collections = -1;
    private Instant quietSince = Instant.MIN;
    private long committedAfterCollecting;

    @Autowired
    IdleCollection(Clock clock) {
        this(new JvmHeap(), clock);
    }

    IdleCollection(Heap heap, Clock clock) {
        this.heap = heap;
        this.clock = clock;
    }

    /** Collects the heap in full if it grew since the last time and has been quiet since; whether it did. */
    @Scheduled(fixedDelayString = "${trackwell.web.idle-collection-check:5s}")
    synchronized boolean collectWhenQuiet() {
        long now = heap.collections();
        Instant at = clock.instant();
        if (now != collections) {
            collections = now;
            quietSince = at;
            return false;
        }
        if (at.isBefore(quietSince.plus(QUIET)) || heap.committed() <= committedAfterCollecting) {
            return false;
        }
        long before = heap.committed();
        long started = System.nanoTime();
        heap.collect();
        committedAfterCollecting = heap.committed();
        collections = heap.collections();
        quietSince = at;
        log.debug(
                "Quiet: collected the heap in {} ms, committed {} MB before and {} MB after",
                (System.nanoTime() - started) / 1_000_000,
                before >> 20,
                committedAfterCollecting >> 20);
        return true;
    }

    /** What the collection needs of the JVM's heap; tests give their own. */
    interface Heap {

        long collections();

        long committed();

        void collect();
    }

    private static final class JvmHeap implements Heap {

        @Override
        public long collections() {
            return ManagementFactory.getGarbageCollectorMXBeans().stream()
                    .mapToLong(GarbageCollectorMXBean::getCollectionCount)
                    .sum();
        }

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
