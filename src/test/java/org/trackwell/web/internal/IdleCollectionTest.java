package org.trackwell.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.trackwell.support.MutableClock;

class IdleCollectionTest {

    private static final long MB = 1 << 20;

    private final FakeHeap heap = new FakeHeap();
    private final MutableClock clock = new MutableClock();
    private Instant lastRequest = clock.instant();
    private final IdleCollection idle = new IdleCollection(() -> lastRequest, heap, clock);

    @Test
    void collectsOnceWhenNoRequestCameForAWhile() {
        heap.committed = 256 * MB;
        clock.advance(IdleCollection.QUIET.minusSeconds(1));
        assertThat(idle.collectWhenQuiet()).isFalse();
        clock.advance(Duration.ofSeconds(1));

        assertThat(idle.collectWhenQuiet()).isTrue();
        assertThat(heap.committed).isEqualTo(150 * MB);
        clock.advance(IdleCollection.QUIET);
        assertThat(idle.collectWhenQuiet()).isFalse();
        assertThat(heap.fullCollections).isEqualTo(1);
    }

    @Test
    void waitsWhileRequestsComeIn() {
        heap.committed = 256 * MB;
        clock.advance(IdleCollection.QUIET.minusSeconds(1));
        lastRequest = clock.instant();
        clock.advance(Duration.ofSeconds(1));

        assertThat(idle.collectWhenQuiet()).isFalse();
        clock.advance(IdleCollection.QUIET);
        assertThat(idle.collectWhenQuiet()).isTrue();
    }

    @Test
    void collectsAgainOnlyAfterRequestsCameAgain() {
        clock.advance(IdleCollection.QUIET);
        idle.collectWhenQuiet();
        clock.advance(IdleCollection.QUIET);
        assertThat(idle.collectWhenQuiet()).isFalse();

        lastRequest = clock.instant();
        clock.advance(IdleCollection.QUIET);
        assertThat(idle.collectWhenQuiet()).isTrue();
        assertThat(heap.fullCollections).isEqualTo(2);
    }

    @Test
    void collectsAgainWhenBackgroundWorkMadeTheHeapGrowWithoutRequests() {
        heap.committed = 256 * MB;
        clock.advance(IdleCollection.QUIET);
        assertThat(idle.collectWhenQuiet()).isTrue();

        heap.committed = 150 * MB + IdleCollection.REGROWN + MB;
        assertThat(idle.collectWhenQuiet())
                .as("not within the quiet time of the last collection")
                .isFalse();
        clock.advance(IdleCollection.QUIET);
        assertThat(idle.collectWhenQuiet()).isTrue();

        heap.committed = 150 * MB + IdleCollection.REGROWN;
        clock.advance(IdleCollection.QUIET);
        assertThat(idle.collectWhenQuiet())
                .as("grown by no more than the margin")
                .isFalse();
        assertThat(heap.fullCollections).isEqualTo(2);
    }

    private static final class FakeHeap implements IdleCollection.Heap {

        long committed = 64 * MB;
        int fullCollections;

        @Override
        public long committed() {
            return committed;
        }

        @Override
        public void collect() {
            fullCollections++;
            committed = 150 * MB;
        }
    }
}
