package org.trackwell.medication.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trackwell.audit.AuditAction;
import org.trackwell.audit.AuditTrail;
import org.trackwell.audit.Outcome;
import org.trackwell.clients.ClientRef;
import org.trackwell.clients.Clients;
import org.trackwell.identity.Accounts;
import org.trackwell.identity.SignedInUser;
import org.trackwell.identity.User;
import org.trackwell.shared.CurrentTenant;
import org.trackwell.shared.UserId;
import org.trackwell.tenancy.Tenant;
import org.trackwell.tenancy.Tenants;

/**
 * The MAR as it is printed. The chart and the records it lists are read in one transaction, so
 * the two always agree; printing is recorded as well as the viewing.
 */
@Service
public class MarPrintouts {

    private final MarCharts charts;
    private final DoseRecords doseRecords;
    private final Clients clients;
    private final PrescriptionRows prescriptions;
    private final DoseRows doses;
    private final Medicines medicines;
    private final Accounts accounts;
    private final Tenants tenants;
    private final AuditTrail trail;
    private final Clock clock;

    MarPrintouts(
            MarCharts charts,
            DoseRecords doseRecords,
            Clients clients,
            PrescriptionRows prescriptions,
            DoseRows doses,
            Medicines medicines,
            Accounts accounts,
            Tenants tenants,
            AuditTrail trail,
            Clock clock) {
        this.charts = charts;
        this.doseRecords = doseRecords;
        this.clients = clients;
        this.prescriptions = prescriptions;
        this.doses = doses;
        this.medicines = medicines;
        this.accounts = accounts;
        this.tenants = tenants;
        this.trail = trail;
        this.clock = clock;
    }

    @Transactional
    public MarPrintout month(SignedInUser user, String code, YearMonth month) {
        MarChart chart = charts.month(user, code, month);
        ClientRef client = clients.forMedication(user, code);
        ZoneId zone = medicines.settings().zone();
        Instant from = month.atDay(1).atStartOfDay(zone).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        Map<UUID, Prescription> prescribed = prescriptions.ofClient(client.id()).stream()
                .collect(Collectors.toMap(Prescription::id, Function.identity()));
        Map<UserId, String> staff = accounts.list().stream().collect(Collectors.toMap(User::id, User::displayName));
        List<MarPrintout.Entry> entries = doses.ofClient(client.id(), from, to).stream()
                .map(doseRecords::opened)
                .map(record -> new MarPrintout.Entry(
                        Objects.requireNonNull(
                                prescribed.get(record.prescriptionId()),
                                "a client's dose is of one of their prescriptions"),
                        record,
                        name(staff, record.recordedBy()),
                        record.witness() == null ? null : name(staff, record.witness())))
                .toList();
        trail.record(AuditAction.MAR_PRINTED, client.auditTarget(), Outcome.SUCCESS);
        return new MarPrintout(
                tenants.byId(CurrentTenant.require()).map(Tenant::displayName).orElseThrow(),
                client.code().toString(),
                chart,
                entries,
                zone,
                clock.instant(),
                user.displayName());
    }

    private static String name(Map<UserId, String> staff, UserId user) {
        return staff.getOrDefault(user, "a former member of staff");
    }
}
