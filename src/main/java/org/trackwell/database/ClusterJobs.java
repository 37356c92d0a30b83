package org.trackwell.database;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Objects;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;
import org.trackwell.database.internal.JobTurns;

/**
 * Scheduled jobs run once per cluster, not once per node: every node schedules them, and at each
 * turn one node runs the job while the others skip it. A node takes the turn under an advisory
 * lock held for the run (released by PostgreSQL if the node dies), and only if no node started the
 * job within the last nine tenths of its period. Tests call the jobs' own methods instead, which
 * run at once.
 */
@Component
public class ClusterJobs {

    private final JobTurns turns;
    private final String node = ManagementFactory.getRuntimeMXBean().getName();

    ClusterJobs(JobTurns turns) {
        this.turns = turns;
    }

    /** Runs a job scheduled every {@code period}, unless another node has this turn; true if it ran here. */
    public boolean runOnce(String job, Duration period, Runnable work) {
        return turns.take(job, period.multipliedBy(9).dividedBy(10), node, work);
    }

    /** Runs a job scheduled by a cron expression, whose turn is the time between two of its runs. */
    public boolean runOnce(String job, String cron, Runnable work) {
        return runOnce(job, periodOf(cron), work);
    }

    static Duration periodOf(String cron) {
        CronExpression expression = CronExpression.parse(cron);
        LocalDateTime next = Objects.requireNonNull(expression.next(LocalDateTime.now()));
        LocalDateTime after = Objects.requireNonNull(expression.next(next));
        return Duration.between(next, after);
    }
}
