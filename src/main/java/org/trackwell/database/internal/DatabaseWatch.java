package org.trackwell.database.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.trackwell.database.DatabaseHealth;
import org.trackwell.database.DatabaseProperties;
import org.trackwell.database.DurabilitySettings;
import org.trackwell.shared.DataDirectory;

/**
 * Watches the database from a thread of its own. Every second it checks that a connection can be
 * had; while none can, requests are turned away at once ({@link #unreachable()}), and after
 * {@code giveUpAfter} the service exits non-zero for its supervisor to start it again. The write
 * probe behind health runs only when asked, at most once per {@link #PROBE_EVERY}, so health
 * checks cannot be used to load the database.
 *
 * <p>Timing here uses the monotonic clock, not the application's {@code Clock}: an outage lasts
 * in real time even in tests that hold the clock still.
 */
class DatabaseWatch implements DatabaseHealth, InitializingBean, DisposableBean {

    static final Duration PROBE_EVERY = Duration.ofSeconds(5);
    private static final int EXIT_DATABASE_LOST = 75;
    private static final Logger log = LoggerFactory.getLogger(DatabaseWatch.class);

    private final DataSource dataSource;
    private final ProbeConnection probe;
    private final DatabaseProperties properties;
    private final DataDirectory dataDirectory;
    private final @Nullable EmbeddedPostgresServer embedded;
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "database-watch");
        thread.setDaemon(true);
        return thread;
    });
    private volatile @Nullable Long unreachableSince;
    private volatile @Nullable Readiness lastReadiness;
    private volatile long lastProbeNanos;

    DatabaseWatch(
            DataSource dataSource,
            ProbeConnection probe,
            DatabaseProperties properties,
            DataDirectory dataDirectory,
            @Nullable EmbeddedPostgresServer embedded) {
        this.dataSource = dataSource;
        this.probe = probe;
        this.properties = properties;
        this.dataDirectory = dataDirectory;
        this.embedded = embedded;
    }

    @Override
    public void afterPropertiesSet() {
        if (!properties.attachToRunningService()) {
            watcher.scheduleWithFixedDelay(this::checkReachable, 1, 1, TimeUnit.SECONDS);
        }
    }

    @Override
    public void destroy() {
        watcher.shutdownNow();
        probe.close();
    }

    @Override
    public boolean unreachable() {
        return unreachableSince != null;
    }

    @Override
    public Readiness readiness() {
        Readiness cached = lastReadiness;
        if (cached != null && System.nanoTime() - lastProbeNanos < PROBE_EVERY.toNanos()) {
            return cached;
        }
        synchronized (this) {
            if (lastReadiness != null && System.nanoTime() - lastProbeNanos < PROBE_EVERY.toNanos()) {
                return lastReadiness;
            }
            long free = freeDiskBytes();
            Readiness readiness = new Readiness(
                    !unreachable() && writes(), free >= properties.minFreeDisk().toBytes(), free);
            lastReadiness = readiness;
            lastProbeNanos = System.nanoTime();
            return readiness;
        }
    }

    @Override
    public DurabilitySettings durability() {
        return Durability.read(dataSource);
    }

    @Override
    public int embeddedRestarts() {
        return embedded == null ? 0 : embedded.restarts();
    }

    private boolean writes() {
        try {
            return probe.use(connection -> {
                connection.setAutoCommit(false);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("set local statement_timeout = 2000");
                    statement.execute("insert into health_probe (id, written_at) values (1, now())"
                            + " on conflict (id) do update set written_at = excluded.written_at");
                    connection.commit();
                    return true;
                } catch (SQLException e) {
                    connection.rollback();
                    throw e;
                }
            });
        } catch (SQLException | RuntimeException e) {
            log.warn("Health: the database did not take a write: {}", e.getMessage());
            return false;
        }
    }

    private long freeDiskBytes() {
        try {
            return Files.getFileStore(dataDirectory.root()).getUsableSpace();
        } catch (IOException e) {
            return 0;
        }
    }

    private void checkReachable() {
        boolean reachable;
        try {
            reachable = probe.use(connection -> connection.isValid(1));
        } catch (SQLException | RuntimeException e) {
            reachable = false;
        }
        Long since = unreachableSince;
        if (reachable) {
            if (since != null) {
                log.warn("The database answers again, after {} s.", (System.nanoTime() - since) / 1_000_000_000);
                unreachableSince = null;
                lastReadiness = null;
            }
            return;
        }
        if (since == null) {
            unreachableSince = System.nanoTime();
            lastReadiness = null;
            log.error("The database does not answer; requests get 503 until it does.");
        } else if (System.nanoTime() - since > properties.giveUpAfter().toNanos()) {
            log.error(
                    "The database has not answered for {}; stopping so that the service supervisor starts Trackwell again.",
                    properties.giveUpAfter());
            // Not a daemon, and not SpringApplication.exit: once the context closed, nothing else would
            // keep the JVM alive and it would end with 0 before the exit code is set.
            Thread.ofPlatform().daemon(false).start(() -> System.exit(EXIT_DATABASE_LOST));
            watcher.shutdown();
        }
    }
}
