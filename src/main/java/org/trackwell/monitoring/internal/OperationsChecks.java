package org.trackwell.monitoring.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.trackwell.backup.BackupStatus;
import org.trackwell.backup.Backups;
import org.trackwell.database.DatabaseHealth;
import org.trackwell.mail.Mailer;
import org.trackwell.mail.Outbox;
import org.trackwell.monitoring.Check;
import org.trackwell.monitoring.MonitoringProperties;

/** The operational checks: backups, free disk space and mail delivery, each a few lines. */
@Configuration(proxyBeanMethods = false)
class OperationsChecks {

    @Bean
    IntegrityCheck backupsCheck(Backups backups, MonitoringProperties properties, Clock clock) {
        return simple(Check.BACKUPS, () -> {
            if (!backups.enabled()) {
                return IntegrityCheck.Outcome.notAvailable(
                        "backups are not taken by Trackwell here (external database: docs/operations.md)");
            }
            BackupStatus status = backups.status();
            if (!status.ok()) {
                return IntegrityCheck.Outcome.finding(
                        "backups are failing: " + status.failure().orElse(""));
            }
            if (status.lastBaseBackup().isEmpty()) {
                return IntegrityCheck.Outcome.finding("no base backup has been taken yet");
            }
            Instant last = status.lastBaseBackup().get();
            Duration age = Duration.between(last, clock.instant());
            return age.compareTo(properties.backupMaxAge()) > 0
                    ? IntegrityCheck.Outcome.finding("the last good base backup is " + hours(age) + " old")
                    : IntegrityCheck.Outcome.ok("last good base backup " + hours(age) + " ago");
        });
    }

    @Bean
    IntegrityCheck diskSpaceCheck(DatabaseHealth database) {
        return simple(Check.DISK_SPACE, () -> {
            DatabaseHealth.Readiness readiness = database.readiness();
            String free = readiness.freeDiskBytes() / (1024 * 1024) + " MiB free";
            return readiness.diskSpaceOk()
                    ? IntegrityCheck.Outcome.ok(free)
                    : IntegrityCheck.Outcome.finding("the data disk is nearly full: " + free);
        });
    }

    @Bean
    IntegrityCheck mailCheck(Mailer mailer, Outbox outbox) {
        AtomicLong seen = new AtomicLong(mailer.failedSends());
        return simple(Check.MAIL, () -> {
            long failed = mailer.failedSends();
            long since = failed - seen.getAndSet(failed);
            Outbox.Queue queue = outbox.queue();
            if (since == 0 && queue.waiting() == 0 && queue.givenUp() == 0) {
                return IntegrityCheck.Outcome.ok("no e-mail waiting or given up");
            }
            return IntegrityCheck.Outcome.finding(queue.waiting() + " e-mails waiting to be tried again, "
                    + queue.givenUp() + " given up; " + since + " tries failed since the last check");
        });
    }

    private static String hours(Duration age) {
        return age.toHours() + " h";
    }

    private static IntegrityCheck simple(Check check, Supplier<IntegrityCheck.Outcome> run) {
        return new IntegrityCheck() {
            @Override
            public Check check() {
                return check;
            }

            @Override
            public Outcome run() {
                return run.get();
            }
        };
    }
}
