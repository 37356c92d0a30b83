package org.trackwell.backup.internal;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.trackwell.backup.BackupStatus;
import org.trackwell.backup.Backups;
import org.trackwell.database.ClusterJobs;
import org.trackwell.database.DatabaseProperties;
import org.trackwell.identity.Operators;
import org.trackwell.mail.Mailer;

/**
 * WAL is shipped every few seconds and a base backup taken on the schedule (default daily), and
 * once at the first start, since archived WAL restores nothing without a base backup before it.
 * Operator commands run the same application without these.
 */
@Component
class BackupSchedule {

    private static final Logger log = LoggerFactory.getLogger(BackupSchedule.class);

    private final ClusterJobs jobs;
    private final Duration shipEvery;
    private final String baseBackupSchedule;
    private final String restoreCheckSchedule;
    private final Backups backups;
    private final boolean operatorCommand;
    private final Operators operators;
    private final Mailer mailer;
    private volatile boolean operatorsTold;

    BackupSchedule(
            Backups backups,
            DatabaseProperties database,
            Operators operators,
            Mailer mailer,
            ClusterJobs jobs,
            @Value("${trackwell.backup.ship-every:5s}") Duration shipEvery,
            @Value("${trackwell.backup.schedule:0 0 2 * * *}") String baseBackupSchedule,
            @Value("${trackwell.backup.check-schedule:0 0 4 * * SUN}") String restoreCheckSchedule) {
        this.jobs = jobs;
        this.shipEvery = shipEvery;
        this.baseBackupSchedule = baseBackupSchedule;
        this.restoreCheckSchedule = restoreCheckSchedule;
        this.backups = backups;
        this.operatorCommand = database.attachToRunningService();
        this.operators = operators;
        this.mailer = mailer;
    }

    @EventListener(ApplicationReadyEvent.class)
    void firstBaseBackup() {
        if (!active()) {
            return;
        }
        try {
            if (backups.list().isEmpty()) {
                Thread.ofVirtual().name("first-base-backup").start(this::takeBaseBackup);
            }
        } catch (RuntimeException e) {
            log.error("Backups are not taken: {}", e.getMessage());
            tellOperatorsOfAFailure();
        }
    }

    @Scheduled(fixedDelayString = "${trackwell.backup.ship-every:5s}")
    void shipWalOnSchedule() {
        jobs.runOnce("wal-shipping", shipEvery, this::shipWal);
    }

    void shipWal() {
        if (active()) {
            try {
                backups.shipArchivedWal();
            } catch (RuntimeException e) {
                if (!operatorsTold) {
                    log.error("Shipping archived WAL to {} failed", backups.storeLocation(), e);
                }
            }
            tellOperatorsOfAFailure();
        }
    }

    @Scheduled(cron = "${trackwell.backup.schedule:0 0 2 * * *}")
    void baseBackupOnSchedule() {
        jobs.runOnce("base-backup", baseBackupSchedule, this::takeBaseBackup);
    }

    void takeBaseBackup() {
        if (active()) {
            try {
                backups.takeBaseBackup();
            } catch (RuntimeException e) {
                log.error("The base backup to {} failed", backups.storeLocation(), e);
            }
            tellOperatorsOfAFailure();
        }
    }

    @Scheduled(cron = "${trackwell.backup.check-schedule:0 0 4 * * SUN}")
    void restoreCheckOnSchedule() {
        jobs.runOnce("restore-check", restoreCheckSchedule, this::checkRestore);
    }

    void checkRestore() {
        if (active()) {
            backups.checkRestore();
            tellOperatorsOfAFailure();
        }
    }

    /** One e-mail when backups start failing, and one when they work again: never one every few seconds. */
    private void tellOperatorsOfAFailure() {
        BackupStatus status = backups.status();
        if (status.ok() == !operatorsTold) {
            return;
        }
        operatorsTold = !status.ok();
        log.warn(
                status.ok() ? "Backups work again." : "Backups are failing: {}",
                status.failure().orElse(""));
        String subject = status.ok() ? "Trackwell backups work again" : "Trackwell backups are failing";
        String text = status.ok()
                ? "Backups to " + status.store() + " work again."
                : status.failure().orElse("") + "\n\nSince "
                        + status.failingSince().map(Object::toString).orElse("") + ". Check the store ("
                        + status.store() + ") and the service log; docs/operations.md.";
        for (String operator : operators.emails()) {
            mailer.send(operator, subject, text);
        }
    }

    private boolean active() {
        return backups.enabled() && !operatorCommand;
    }
}
