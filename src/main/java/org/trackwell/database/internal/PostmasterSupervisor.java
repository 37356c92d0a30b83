package org.trackwell.database.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the embedded server of the process that started it, and starts it again when it stops
 * unexpectedly, for as long as it takes.
 */
final class PostmasterSupervisor implements AutoCloseable {

    private static final Duration INTERVAL = Duration.ofMillis(500);
    private static final Duration COMPLAINT_INTERVAL = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(PostmasterSupervisor.class);

    private final Postmaster postmaster;
    private final Path dataDirectory;
    private final Runnable startAgain;
    private final ScheduledExecutorService executor;
    private volatile @Nullable Long downSince;
    private volatile long lastComplaint;
    private volatile int restarts;
    private volatile boolean closing;

    /** @param startAgain starts the server and proves it is this installation's, or throws */
    PostmasterSupervisor(Postmaster postmaster, Path dataDirectory, Runnable startAgain) {
        this.postmaster = postmaster;
        this.dataDirectory = dataDirectory;
        this.startAgain = startAgain;
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "embedded-postgres-supervisor");
            thread.setDaemon(true);
            return thread;
        });
    }

    void start() {
        long interval = INTERVAL.toMillis();
        executor.scheduleWithFixedDelay(this::restartIfStopped, interval, interval, TimeUnit.MILLISECONDS);
    }

    /** How many times the server was started again after it stopped unexpectedly. */
    int restarts() {
        return restarts;
    }

    private void restartIfStopped() {
        if (closing || postmaster.pidFile().filter(PidFile::serverRunning).isPresent()) {
            return;
        }
        long now = System.currentTimeMillis();
        Long stoppedAt = downSince;
        if (stoppedAt == null) {
            stoppedAt = now;
            downSince = now;
            log.error("The embedded PostgreSQL in {} stopped unexpectedly; starting it again.", dataDirectory);
        }
        try {
            startAgain.run();
            restarts++;
            log.warn("The embedded PostgreSQL runs again, {} ms after it stopped.", now - stoppedAt);
            downSince = null;
        } catch (RuntimeException notYet) {
            if (now - lastComplaint > COMPLAINT_INTERVAL.toMillis()) {
                lastComplaint = now;
                log.warn("The embedded PostgreSQL could not be started again yet: {}", notYet.getMessage());
            }
        }
    }

    /** Stops watching, so that stopping the server on purpose is not taken for a failure. */
    @Override
    public void close() {
        closing = true;
        executor.shutdownNow();
    }
}
