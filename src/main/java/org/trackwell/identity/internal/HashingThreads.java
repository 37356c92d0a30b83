package org.trackwell.identity.internal;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.trackwell.identity.IdentityProperties;
import org.trackwell.identity.TooManyAttempts;

/**
 * The few platform threads that run every password hash, with a short queue in front of them.
 *
 * <p>Requests run on virtual threads, which share one carrier thread per core. An Argon2id hash
 * is tens of milliseconds of CPU that never yields: run there, a burst of sign-ins holds every
 * carrier, and the threads of other requests, including those holding a database connection,
 * wait for a turn, until the connection pool and the whole service stall. Platform threads are
 * scheduled by the operating system beside the carriers instead, and the caller's virtual thread
 * waits for the result without holding a carrier.
 *
 * <p>A hash that finds the threads busy and the queue full is refused at once with {@link
 * TooManyAttempts}, so nobody waits longer than the queue takes to clear.
 *
 * <p>A thread with no hash to do for {@link #KEEP_ALIVE} ends, and the memory its hashes kept
 * ({@link Argon2id}'s blocks, 19 MiB a thread) goes with it; the next hash starts a thread again
 * and allocates its blocks once.
 */
@Component
class HashingThreads implements AutoCloseable {

    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(10);

    private final ThreadPoolExecutor executor;

    @Autowired
    HashingThreads(IdentityProperties properties) {
        this(properties.hashThreads(), properties.hashQueue(), KEEP_ALIVE);
    }

    HashingThreads(int threads, int queue, Duration keepAlive) {
        this.executor = new ThreadPoolExecutor(
                threads,
                threads,
                keepAlive.toMillis(),
                TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(queue),
                Thread.ofPlatform().name("password-hash-", 1).daemon(true).factory(),
                new ThreadPoolExecutor.AbortPolicy());
        executor.allowCoreThreadTimeOut(true);
    }

    <T> T run(Supplier<T> hash) {
        Future<T> result;
        try {
            result = executor.submit(hash::get);
        } catch (RejectedExecutionException full) {
            throw new TooManyAttempts(RETRY_AFTER);
        }
        try {
            return result.get();
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new TooManyAttempts(RETRY_AFTER);
        } catch (ExecutionException e) {
            Throwable cause = Objects.requireNonNullElse(e.getCause(), e);
            switch (cause) {
                case RuntimeException failure -> throw failure;
                case Error error -> throw error;
                default -> throw new IllegalStateException(cause);
            }
        }
    }

    /**
     * Whether a hash asked for now would be refused: every thread busy and the queue full. Lets a
     * sign-in be refused before it does any other work; the hash itself is still refused when it
     * comes to that, whatever this said.
     */
    boolean full() {
        return executor.getQueue().remainingCapacity() == 0;
    }

    /** Finishes the hashes already accepted (the queue is short) and refuses any more. */
    @Override
    public void close() {
        executor.close();
    }
}
