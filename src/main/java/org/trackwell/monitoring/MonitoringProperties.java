package org.trackwell.monitoring;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Self-monitoring (docs/monitoring.md).
 *
 * @param checkSchedule when the integrity checks run (cron; default hourly); they also run once at start
 * @param checkAtStart whether they run once at start
 * @param files the installed files to watch besides the running jar: files, or directories whose
 *     files are all watched (default: {@code application.properties}, {@code application.yml} and
 *     {@code config/} in the working directory, when present)
 * @param fullAuditEvery how often the whole audit chain is verified, not only its new entries
 * @param backupMaxAge how old the last good base backup may be
 * @param certificateWarning how long before a certificate expires it is a finding
 * @param webhookRetries how many times a webhook delivery is tried before it is given up
 * @param webhookFirstRetry the wait before the first retry; each later one waits twice as long
 * @param webhookPoll how often due webhook deliveries are looked for
 * @param webhooksToLoopback whether webhooks may go by plain HTTP to this machine's loopback
 *     address (for a local relay, and the tests); otherwise only HTTPS
 * @param activitySchedule when the suspicious-activity rules run (cron; default every minute)
 * @param activityAddressFailures how many failed sign-ins from one address, across every tenant and
 *     the operator's host, alert the operators
 * @param activityAddressWindow within what time
 */
@ConfigurationProperties("trackwell.monitoring")
public record MonitoringProperties(
        @DefaultValue("0 0 * * * *") String checkSchedule,
        @DefaultValue("true") boolean checkAtStart,

        @DefaultValue({"application.properties", "application.yml", "config"})
        List<String> files,

        @DefaultValue("7d") Duration fullAuditEvery,
        @DefaultValue("26h") Duration backupMaxAge,
        @DefaultValue("30d") Duration certificateWarning,
        @DefaultValue("8") int webhookRetries,
        @DefaultValue("30s") Duration webhookFirstRetry,
        @DefaultValue("5s") Duration webhookPoll,
        @DefaultValue("false") boolean webhooksToLoopback,
        @DefaultValue("0 * * * * *") String activitySchedule,
        @DefaultValue("20") int activityAddressFailures,
        @DefaultValue("15m") Duration activityAddressWindow) {}
