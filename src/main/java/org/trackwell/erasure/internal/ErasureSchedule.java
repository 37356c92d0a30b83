package org.trackwell.erasure.internal;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.trackwell.database.ClusterJobs;
import org.trackwell.database.TenantTransactions;
import org.trackwell.tenancy.Tenant;
import org.trackwell.tenancy.Tenants;

/** Carries out the erasures whose grace period has ended, in every active tenant. */
@Component
class ErasureSchedule {

    private final ClusterJobs jobs;
    private final Duration interval;
    private final Tenants tenants;
    private final TenantTransactions transactions;
    private final ErasureRequests requests;

    ErasureSchedule(
            Tenants tenants,
            TenantTransactions transactions,
            ErasureRequests requests,
            ClusterJobs jobs,
            @Value("${trackwell.erasure.interval:1h}") Duration interval) {
        this.jobs = jobs;
        this.interval = interval;
        this.tenants = tenants;
        this.transactions = transactions;
        this.requests = requests;
    }

    @Scheduled(
            fixedDelayString = "${trackwell.erasure.interval:1h}",
            initialDelayString = "${trackwell.erasure.interval:1h}")
    void onSchedule() {
        jobs.runOnce("erasure", interval, this::run);
    }

    void run() {
        for (Tenant tenant : tenants.list()) {
            if (tenant.active()) {
                transactions.inTenant(tenant.id(), requests::eraseDue);
            }
        }
    }
}
