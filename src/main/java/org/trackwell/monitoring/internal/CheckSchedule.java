package org.trackwell.monitoring.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.trackwell.database.ClusterJobs;
import org.trackwell.monitoring.IntegrityChecks;
import org.trackwell.monitoring.MonitoringProperties;

/**
 * Runs the integrity checks on their schedule and once at start (on a thread of its own, so start
 * is not held up). Operator commands run the checks only when asked ({@code check}).
 */
@Component
class CheckSchedule {

    private final ClusterJobs jobs;
    private final String schedule;
    private final IntegrityChecks checks;
    private final MonitoringProperties properties;
    private final boolean operatorCommand;

    CheckSchedule(
            IntegrityChecks checks,
            MonitoringProperties properties,
            @Value("${trackwell.database.attach-to-running-service:false}") boolean operatorCommand,
            ClusterJobs jobs,
            @Value("${trackwell.monitoring.check-schedule:0 0 * * * *}") String schedule) {
        this.jobs = jobs;
        this.schedule = schedule;
        this.checks = checks;
        this.properties = properties;
        this.operatorCommand = operatorCommand;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        if (properties.checkAtStart() && !operatorCommand) {
            Thread.ofVirtual().name("integrity-checks-at-start").start(checks::runAll);
        }
    }

    @Scheduled(cron = "${trackwell.monitoring.check-schedule:0 0 * * * *}")
    void onSchedule() {
        if (!operatorCommand) {
            jobs.runOnce("integrity-checks", schedule, checks::runAll);
        }
    }
}
