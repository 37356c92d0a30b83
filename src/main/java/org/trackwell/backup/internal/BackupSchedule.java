package org.trackwell.backup.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.trackwell.backup.Backups;
import org.trackwell.database.DatabaseProperties;

/**
 * WAL is shipped every few seconds and a base backup taken on the schedule (default daily), and
 * once at the first start, since archived WAL restores nothing without a base backup before it.
 * Operator commands run the same application without these.
 */
@Component
class BackupSchedule {

    private static final Logger log = LoggerFactory.getLogger(BackupSchedule.class);

    private final Backups backups;
    private final boolean operatorCommand;

    BackupSchedule(Backups backups, DatabaseProperties database) {
        this.backups = backups;
        this.operatorCommand = database.attachToRunningService();
    }

    @EventListener(ApplicationReadyEvent.class)
    void firstBaseBackup() {
        if (active() && backups.list().isEmpty()) {
            Thread.ofVirtual().name("first-base-backup").start(this::takeBaseBackup);
        }
    }

    @Scheduled(fixedDelayString = "${trackwell.backup.ship-every:5s}")
    void shipWal() {
        if (active()) {
            try {
                backups.shipArchivedWal();
            } catch (RuntimeException e) {
                log.error("Shipping archived WAL to {} failed", backups.storeLocation(), e);
            }
        }
    }

    @Scheduled(cron = "${trackwell.backup.schedule:0 0 2 * * *}")
    void takeBaseBackup() {
        if (active()) {
            try {
                backups.takeBaseBackup();
            } catch (RuntimeException e) {
                log.error("The base backup to {} failed", backups.storeLocation(), e);
            }
        }
    }

    private boolean active() {
        return backups.enabled() && !operatorCommand;
    }
}
