package org.trackwell.backup.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.trackwell.backup.BackupStatus;
import org.trackwell.backup.Backups;
import org.trackwell.backup.RestoreCheck;

/**
 * How old the newest base backup and the last restore check are, and whether backups fail, for
 * alerts on backups that silently stopped. Read from the backups' status, which lists the store,
 * at most once every {@link #FRESH} however often it is scraped. Ages are not a number (NaN)
 * before the first backup or check, and where this installation takes no backups.
 */
@Component
class BackupMeters implements MeterBinder {

    static final Duration FRESH = Duration.ofSeconds(30);

    private final Backups backups;
    private final Clock clock;
    private volatile @Nullable Reading reading;

    BackupMeters(Backups backups, Clock clock) {
        this.backups = backups;
        this.clock = clock;
    }

    private record Reading(Instant at, BackupStatus status) {}

    @Override
    public void bindTo(MeterRegistry registry) {
        TimeGauge.builder(
                        "trackwell.backup.age",
                        this,
                        TimeUnit.SECONDS,
                        meters -> meters.ageOf(meters.status().flatMap(BackupStatus::lastBaseBackup)))
                .description("Time since the newest complete base backup")
                .register(registry);
        TimeGauge.builder(
                        "trackwell.backup.restore.check.age",
                        this,
                        TimeUnit.SECONDS,
                        meters -> meters.ageOf(
                                meters.status().flatMap(BackupStatus::lastCheck).map(RestoreCheck::at)))
                .description("Time since the last automatic restore check")
                .register(registry);
        Gauge.builder(
                        "trackwell.backup.restore.check.passed",
                        this,
                        meters -> meters.status()
                                .flatMap(BackupStatus::lastCheck)
                                .map(check -> check.passed() ? 1.0 : 0.0)
                                .orElse(Double.NaN))
                .description("1 when the last automatic restore check passed, 0 when it failed")
                .register(registry);
        Gauge.builder(
                        "trackwell.backup.failing",
                        this,
                        meters -> meters.status()
                                .map(status -> status.ok() ? 0.0 : 1.0)
                                .orElse(Double.NaN))
                .description("1 while backups (base backups, WAL shipping or the restore check) fail")
                .register(registry);
    }

    private double ageOf(Optional<Instant> when) {
        return when.map(at -> Duration.between(at, clock.instant()).toMillis() / 1000.0)
                .orElse(Double.NaN);
    }

    /** The status, read again when the last reading is older than {@link #FRESH}; none where nothing is backed up. */
    private Optional<BackupStatus> status() {
        if (!backups.enabled()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Reading last = reading;
        if (last == null || Duration.between(last.at(), now).compareTo(FRESH) > 0) {
            last = new Reading(now, backups.status());
            reading = last;
        }
        return Optional.of(last.status());
    }
}
