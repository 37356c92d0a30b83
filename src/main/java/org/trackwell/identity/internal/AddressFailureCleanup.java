package org.trackwell.identity.internal;

import java.time.Clock;
import java.time.Duration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.trackwell.database.ClusterJobs;
import org.trackwell.identity.IdentityProperties;

/** Failures and reset requests by address count only within their windows; older ones are removed every few minutes. */
@Component
class AddressFailureCleanup {

    private static final Duration EVERY = Duration.ofMinutes(5);

    private final ClusterJobs jobs;
    private final SignInRecords records;
    private final IdentityProperties properties;
    private final Clock clock;

    AddressFailureCleanup(SignInRecords records, IdentityProperties properties, Clock clock, ClusterJobs jobs) {
        this.jobs = jobs;
        this.records = records;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "5m", initialDelayString = "1m")
    void onSchedule() {
        jobs.runOnce("address-failure-cleanup", EVERY, this::forgetOldFailures);
    }

    @Transactional
    void forgetOldFailures() {
        records.forgetFailuresBefore(clock.instant().minus(properties.addressFailureWindow()));
        records.forgetResetRequestsBefore(clock.instant().minus(properties.passwordResetWindow()));
    }
}
