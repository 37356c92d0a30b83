package org.trackwell.medication.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.trackwell.clients.ClientRef;
import org.trackwell.clients.Clients;
import org.trackwell.clients.ConcernRaised;
import org.trackwell.database.ClusterJobs;
import org.trackwell.database.TenantTransactions;
import org.trackwell.medication.DoseMissed;
import org.trackwell.shared.CurrentTenant;
import org.trackwell.shared.Ids;
import org.trackwell.tenancy.ModulesUsed;
import org.trackwell.tenancy.Tenant;
import org.trackwell.tenancy.Tenants;

/**
 * Finds due doses with no record by the end of their window: each becomes missed once, shows on
 * the round and the client's page, and alerts the managers of the client's team. It looks back a
 * day each time, and a missed dose is stored once, so any number of nodes may run it.
 */
@Component
public class MissedDoseWatch {

    private static final Duration LOOK_BACK = Duration.ofHours(24);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm 'on' d MMM");

    private final ClusterJobs jobs;
    private final Duration interval;
    private final Tenants tenants;
    private final TenantTransactions transactions;
    private final PrescriptionRows prescriptions;
    private final DoseRows doses;
    private final AlertRows alerts;
    private final Medicines medicines;
    private final Clients clients;
    private final ApplicationEventPublisher events;
    private final Ids ids;
    private final ModulesUsed modules;
    private final Clock clock;

    MissedDoseWatch(
            Tenants tenants,
            TenantTransactions transactions,
            PrescriptionRows prescriptions,
            DoseRows doses,
            AlertRows alerts,
            Medicines medicines,
            Clients clients,
            ApplicationEventPublisher events,
            Ids ids,
            ModulesUsed modules,
            Clock clock,
            ClusterJobs jobs,
            @Value("${trackwell.medication.missed-dose-interval:1m}") Duration interval) {
        this.jobs = jobs;
        this.interval = interval;
        this.tenants = tenants;
        this.transactions = transactions;
        this.prescriptions = prescriptions;
        this.doses = doses;
        this.alerts = alerts;
        this.medicines = medicines;
        this.clients = clients;
        this.events = events;
        this.ids = ids;
        this.modules = modules;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${trackwell.medication.missed-dose-interval:1m}",
            initialDelayString = "${trackwell.medication.missed-dose-interval:1m}")
    void onSchedule() {
        jobs.runOnce("missed-dose-watch", interval, this::watch);
    }

    void watch() {
        for (Tenant tenant : tenants.list()) {
            if (tenant.active()) {
                transactions.inTenant(tenant.id(), this::detect);
            }
        }
    }

    /** Records the current tenant's newly missed doses; returns how many (none while medication is off). */
    public int detect() {
        if (!modules.medication()) {
            return 0;
        }
        Instant now = clock.instant();
        MedicationSettings settings = medicines.settings();
        List<Prescription> running = prescriptions.regularRunningSince(now.minus(LOOK_BACK), clients.erased());
        if (running.isEmpty()) {
            return 0;
        }
        List<java.util.UUID> clientIds =
                running.stream().map(Prescription::clientId).distinct().toList();
        Set<String> recorded = new HashSet<>();
        doses.ofClients(clientIds, now.minus(LOOK_BACK).minus(Duration.ofHours(1)), now.plus(Duration.ofHours(1)))
                .forEach(d -> {
                    Instant dueAt = d.record().dueAt();
                    if (dueAt != null) {
                        recorded.add(DueDoses.key(d.record().prescriptionId(), dueAt));
                    }
                });
        int missed = 0;
        for (Prescription p : running) {
            Duration tolerance = p.tolerance(settings);
            for (DoseSchedule.Due due : p.dueBetween(now.minus(LOOK_BACK), now.minus(tolerance), settings.zone())) {
                if (!recorded.contains(DueDoses.key(p.id(), due.at()))
                        && doses.insertMissed(CurrentTenant.require(), p.id(), due.at(), p.clientId(), now)) {
                    raise(p, due.at(), settings);
                    missed++;
                }
            }
        }
        return missed;
    }

    private void raise(Prescription p, Instant dueAt, MedicationSettings settings) {
        ClientRef client = clients.byId(p.clientId()).orElseThrow();
        String message = "Missed dose: " + p.medicine().label() + " due at "
                + WHEN.format(dueAt.atZone(settings.zone())) + " was not recorded.";
        events.publishEvent(new ConcernRaised(CurrentTenant.require(), client.id(), "medication", message));
        events.publishEvent(
                new DoseMissed(CurrentTenant.require(), client.id(), client.code(), p.id(), dueAt, clock.instant()));
        alerts.insert(
                CurrentTenant.require(),
                ids.next(),
                client.teamId(),
                client.id(),
                MedicationAlert.Kind.MISSED_DOSE,
                client.code() + ": " + message,
                clock.instant(),
                null);
    }
}
