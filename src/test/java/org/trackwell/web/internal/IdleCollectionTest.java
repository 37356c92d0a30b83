package org.trackwell.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.trackwell.support.MutableClock;

class IdleCollectionTest {

    private static final long MB = 1 << 20;

    private final FakeHeap heap = new FakeHeap();
    private final MutableClock clock = new MutableClock();
    private final IdleCollection idle = new IdleCollection(heap, clock);

    @Test
    void collectsOnceWhenTheHeapGrewAndTheCollectorHasBeenQuiet() {
        heap.busySpell(256 * MB);
        assertThat(idle.collectWhenQuiet()).isFalse();
        clock.advance(IdleCollection.QUIET);

        assertThat(idle.collectWhenQuiet()).isTrue();
        assertThat(heap.committed).isEqualTo(150 * MB);
        clock.advance(IdleCollection.QUIET);
        assertThat(idle.collectWhenQuiet()).isFalse();
    }

    @Test
    void waitsWhileTheCollectorIsBusy() {
        heap.busySpell(256 * MB);
        idle.collectWhenQuiet();
        clock.advance(IdleCollection.QUIET.minusSeconds(1));
        assertThat(idle.collectWhenQuiet()).isFalse();

        heap.busySpell(256 * MB);
        clock.advance(Duration.ofSeconds(1));
        assertThat(idle.collectWhenQuiet()).isFalse();
        clock.advance(IdleCollection.QUIET);
        assertThat(idle.collectWhenQuiet()).isTrue();
    }

    @Test
    void leavesAHeapThatHasNotGrownSinceItsLastCollection() {
        heap.busySpell(256 * MB);
        idle.collectWhenQuiet();
        clock.advance(IdleCollection.QUIET);
        idle.collectWhenQuiet();

        heap.busySpell(150 * MB);
        idle.collectWhenQuiet();
        clock.advance(IdleCollection.QUIET);
        assertThat(idle.collectWhenQuiet()).isFalse();
        assertThat(heap.fullCollections).isEqualTo(1);
    }

    private static final class FakeHeap implements IdleCollection.Heap {

        long collections;
        long committed = 64 * MB;
        int fullCollections;

        void busySpell(long committedAfter) {
            collections += 10;
            committed = committedAfter;
        }

        @Override
        public long collections() {
            return collections;
        }

        @Override
        public long committed() {
            return committed;
        }

        @Override
        public void collect() {
            collections++;
            fullCollections++;
            committed = 150 * MB;
        }
    }
}
