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
import org.trackwell.clients.ClientRef;
import org.trackwell.identity.Accounts;
import org.trackwell.identity.SignedInUser;
import org.trackwell.identity.User;
import org.trackwell.shared.CurrentTenant;
import org.trackwell.shared.UserId;
import org.trackwell.tenancy.Tenant;
import org.trackwell.tenancy.Tenants;

/**
 * The MAR as it is printed. The chart and the records it lists are read in one transaction, so
 * the two always agree. The request that prints it records the printing, once.
 */
@Service
public class MarPrintouts {

    private final MarCharts charts;
    private final DoseText doseText;
    private final PrescriptionRows prescriptions;
    private final DoseRows doses;
    private final Medicines medicines;
    private final Accounts accounts;
    private final Tenants tenants;
    private final Clock clock;

    MarPrintouts(
            MarCharts charts,
            DoseText doseText,
            PrescriptionRows prescriptions,
            DoseRows doses,
            Medicines medicines,
            Accounts accounts,
            Tenants tenants,
            Clock clock) {
        this.charts = charts;
        this.doseText = doseText;
        this.prescriptions = prescriptions;
        this.doses = doses;
        this.medicines = medicines;
        this.accounts = accounts;
        this.tenants = tenants;
        this.clock = clock;
    }

    @Transactional
    public MarPrintout month(SignedInUser user, ClientRef client, YearMonth month) {
        MarChart chart = charts.month(client, month);
        ZoneId zone = medicines.settings().zone();
        Instant from = month.atDay(1).atStartOfDay(zone).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        Map<UUID, Prescription> prescribed = prescriptions.ofClient(client.id()).stream()
                .collect(Collectors.toMap(Prescription::id, Function.identity()));
        Map<UserId, String> staff = accounts.list().stream().collect(Collectors.toMap(User::id, User::displayName));
        List<MarPrintout.Entry> entries = doses.ofClient(client.id(), from, to).stream()
                .map(doseText::opened)
                .map(record -> new MarPrintout.Entry(
                        Objects.requireNonNull(
                                prescribed.get(record.prescriptionId()),
                                "a client's dose is of one of their prescriptions"),
                        record,
                        name(staff, record.recordedBy()),
                        record.witness() == null ? null : name(staff, record.witness())))
                .toList();
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
