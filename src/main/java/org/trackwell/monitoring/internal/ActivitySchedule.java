package org.trackwell.monitoring.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.trackwell.database.ClusterJobs;
import org.trackwell.monitoring.ActivityRules;

/** Runs the suspicious-activity rules on their schedule (every minute by default), never in an operator command. */
@Component
class ActivitySchedule {

    private final ClusterJobs jobs;
    private final String schedule;
    private final ActivityRules rules;
    private final boolean operatorCommand;

    ActivitySchedule(
            ActivityRules rules,
            @Value("${trackwell.database.attach-to-running-service:false}") boolean operatorCommand,
            ClusterJobs jobs,
            @Value("${trackwell.monitoring.activity-schedule:0 * * * * *}") String schedule) {
        this.jobs = jobs;
        this.schedule = schedule;
        this.rules = rules;
        this.operatorCommand = operatorCommand;
    }

    @Scheduled(cron = "${trackwell.monitoring.activity-schedule:0 * * * * *}")
    void onSchedule() {
        if (!operatorCommand) {
            jobs.runOnce("activity-rules", schedule, rules::evaluate);
        }
    }
}
