package org.trackwell.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.trackwell.identity.TooManyAttempts;

class HashingThreadsTest {

    private final HashingThreads threads = new HashingThreads(1, 1, Duration.ofMinutes(1));
    private final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void close() {
        release.countDown();
        threads.close();
    }

    @Test
    void runsTheHashOnAPlatformThreadForAVirtualCaller() throws Exception {
        CompletableFuture<Boolean> virtual = new CompletableFuture<>();
        Thread.ofVirtual()
                .start(() -> virtual.complete(
                        threads.run(() -> Thread.currentThread().isVirtual())));
        assertThat(virtual.get(10, TimeUnit.SECONDS)).isFalse();
    }

    @Test
    void refusesAtOnceWhenEveryThreadIsBusyAndTheQueueIsFull() throws Exception {
        try (var callers = Executors.newVirtualThreadPerTaskExecutor()) {
            callers.submit(() -> threads.run(this::blockUntilReleased));
            started.await(10, TimeUnit.SECONDS);
            var second = CompletableFuture.supplyAsync(() -> threads.run(() -> "second"), callers);
            var third = CompletableFuture.supplyAsync(() -> threads.run(() -> "third"), callers);

            // One of the two waits in the queue; the other is refused without waiting for the blocked hash.
            var first = CompletableFuture.anyOf(second, third);
            assertThatThrownBy(() -> first.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(TooManyAttempts.class);
            release.countDown();
            assertThat(Stream.of(second, third)
                            .map(call -> call.handle((value, failure) -> value).join())
                            .filter(Objects::nonNull))
                    .hasSize(1);
        }
    }

    @Test
    void isFullOnlyWhileEveryThreadIsBusyAndTheQueueIsFull() throws Exception {
        try (var callers = Executors.newVirtualThreadPerTaskExecutor()) {
            assertThat(threads.full()).isFalse();
            callers.submit(() -> threads.run(this::blockUntilReleased));
            started.await(10, TimeUnit.SECONDS);
            assertThat(threads.full()).isFalse();
            var queued = CompletableFuture.supplyAsync(() -> threads.run(() -> "queued"), callers);
            while (!threads.full() && !queued.isDone()) {
                Thread.onSpinWait();
            }

            assertThat(threads.full()).isTrue();
            release.countDown();
            assertThat(queued.get(10, TimeUnit.SECONDS)).isEqualTo("queued");
            assertThat(threads.full()).isFalse();
        }
    }

    @Test
    void endsAThreadIdleForTheKeepAliveSoTheMemoryItKeptGoesWithIt() throws Exception {
        try (HashingThreads briefly = new HashingThreads(1, 1, Duration.ofMillis(50))) {
            Thread first = briefly.run(Thread::currentThread);
            first.join(Duration.ofSeconds(10));

            assertThat(first.isAlive()).isFalse();
            assertThat(briefly.run(Thread::currentThread)).isNotSameAs(first);
        }
    }

    @Test
    void keepsAThreadThatHashesAgainWithinTheKeepAlive() {
        assertThat(threads.run(Thread::currentThread)).isSameAs(threads.run(Thread::currentThread));
    }

    @Test
    void passesOnWhatTheHashThrows() {
        assertThatThrownBy(() -> threads.run(() -> {
                    throw new IllegalArgumentException("malformed hash");
                }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("malformed hash");
    }

    @Test
    void refusesOnceClosed() {
        threads.close();
        assertThatThrownBy(() -> threads.run(() -> "late")).isInstanceOf(TooManyAttempts.class);
    }

    private String blockUntilReleased() {
        started.countDown();
        try {
            release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "first";
    }
}
