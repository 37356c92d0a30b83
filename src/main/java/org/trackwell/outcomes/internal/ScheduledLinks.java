package org.trackwell.outcomes.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.trackwell.clients.Clients;
import org.trackwell.database.ClusterJobs;
import org.trackwell.database.TenantTransactions;
import org.trackwell.outcomes.internal.ClientSessionRows.StoredSession;
import org.trackwell.tenancy.ModulesUsed;
import org.trackwell.tenancy.Tenant;
import org.trackwell.tenancy.Tenants;

/**
 * Sends measure links before sessions and feedback links after them, where the tenant turned this
 * on, to clients who consented. Each session's link goes once (a unique row per session and
 * purpose), so any number of nodes may run this.
 */
@Component
public class ScheduledLinks {

    /** How far back a missed run still sends feedback, so turning the feature on sends no backlog. */
    private static final Duration CATCH_UP = Duration.ofHours(6);

    private final ClusterJobs jobs;
    private final Duration interval;
    private final Tenants tenants;
    private final TenantTransactions transactions;
    private final MeasureCatalogue catalogue;
    private final TeamMeasures teamMeasures;
    private final ClientSessionRows sessions;
    private final MeasureLinks links;
    private final Clients clients;
    private final ModulesUsed modules;
    private final Clock clock;

    ScheduledLinks(
            Tenants tenants,
            TenantTransactions transactions,
            MeasureCatalogue catalogue,
            TeamMeasures teamMeasures,
            ClientSessionRows sessions,
            MeasureLinks links,
            Clients clients,
            ModulesUsed modules,
            Clock clock,
            ClusterJobs jobs,
            @Value("${trackwell.outcomes.link-schedule-interval:5m}") Duration interval) {
        this.jobs = jobs;
        this.interval = interval;
        this.tenants = tenants;
        this.transactions = transactions;
        this.catalogue = catalogue;
        this.teamMeasures = teamMeasures;
        this.sessions = sessions;
        this.links = links;
        this.clients = clients;
        this.modules = modules;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${trackwell.outcomes.link-schedule-interval:5m}",
            initialDelayString = "${trackwell.outcomes.link-schedule-initial-delay:1m}")
    void onSchedule() {
        jobs.runOnce("scheduled-links", interval, this::sendDue);
    }

    void sendDue() {
        for (Tenant tenant : tenants.list()) {
            if (tenant.active()) {
                transactions.inTenant(tenant.id(), this::sendDueInTenant);
            }
        }
    }

    /** Sends what is due in the current tenant; returns how many links went out (none while outcomes is off). */
    public int sendDueInTenant() {
        if (!modules.outcomes()) {
            return 0;
        }
        OutcomeSettings settings = catalogue.settings();
        Instant now = clock.instant();
        int sent = 0;
        if (settings.sendBeforeHours() != null) {
            for (StoredSession session :
                    sessions.startingBetween(now, now.plus(Duration.ofHours(settings.sendBeforeHours())))) {
                sent += send(session, session.plannedMeasures(), "BEFORE");
            }
        }
        if (settings.feedbackAfterHours() != null && settings.feedbackMeasure() != null) {
            Instant due = now.minus(Duration.ofHours(settings.feedbackAfterHours()));
            for (StoredSession session : sessions.attendedBetween(due.minus(CATCH_UP), due)) {
                sent += send(session, List.of(settings.feedbackMeasure()), "AFTER");
            }
        }
        return sent;
    }

    private int send(StoredSession session, List<String> measures, String purpose) {
        return clients.byId(session.clientId())
                .map(client -> {
                    List<String> offered = teamMeasures.offeredTo(client);
                    List<String> usable =
                            measures.stream().filter(offered::contains).toList();
                    return links.sendScheduled(client, session, usable, purpose) ? 1 : 0;
                })
                .orElse(0);
    }
}
