package org.trackwell.erasure.internal;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.trackwell.database.ClusterJobs;
import org.trackwell.database.TenantTransactions;
import org.trackwell.tenancy.Tenant;
import org.trackwell.tenancy.Tenants;

/** Once a day, in every active tenant: the clients due for erasure, by e-mail to its admins. */
@Component
class RetentionSchedule {

    private final ClusterJobs jobs;
    private final Duration interval;
    private final Tenants tenants;
    private final TenantTransactions transactions;
    private final Retention retention;

    RetentionSchedule(
            Tenants tenants,
            TenantTransactions transactions,
            Retention retention,
            ClusterJobs jobs,
            @Value("${trackwell.erasure.retention-interval:24h}") Duration interval) {
        this.jobs = jobs;
        this.interval = interval;
        this.tenants = tenants;
        this.transactions = transactions;
        this.retention = retention;
    }

    @Scheduled(
            fixedDelayString = "${trackwell.erasure.retention-interval:24h}",
            initialDelayString = "${trackwell.erasure.retention-interval:24h}")
    void onSchedule() {
        jobs.runOnce("retention", interval, this::run);
    }

    void run() {
        for (Tenant tenant : tenants.list()) {
            if (tenant.active()) {
                transactions.inTenant(tenant.id(), retention::daily);
            }
        }
    }
}
