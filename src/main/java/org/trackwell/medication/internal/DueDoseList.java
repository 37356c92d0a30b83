package org.trackwell.medication.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trackwell.clients.ClientRef;
import org.trackwell.medication.DosesDue;
import org.trackwell.medication.internal.DoseRows.StoredDose;

/** The settled due doses of a client's regular prescriptions, as the MAR chart counts them. */
@Service
class DueDoseList implements DosesDue {

    private final PrescriptionRows prescriptions;
    private final DoseRows doses;
    private final Medicines medicines;
    private final Clock clock;

    DueDoseList(PrescriptionRows prescriptions, DoseRows doses, Medicines medicines, Clock clock) {
        this.prescriptions = prescriptions;
        this.doses = doses;
        this.medicines = medicines;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<DueDose> of(ClientRef client, LocalDate first, LocalDate last) {
        MedicationSettings settings = medicines.settings();
        ZoneId zone = settings.zone();
        Instant from = first.atStartOfDay(zone).toInstant();
        Instant to = last.plusDays(1).atStartOfDay(zone).toInstant();
        Instant now = clock.instant();
        Map<String, DoseRecord> byDue = new HashMap<>();
        DoseRecords.standing(doses.ofClient(client.id(), from, to).stream()
                        .map(StoredDose::record)
                        .toList())
                .stream()
                .filter(r -> r.dueAt() != null)
                .forEach(r -> byDue.put(r.prescriptionId() + "@" + r.dueAt(), r));
        List<DueDose> due = new ArrayList<>();
        for (Prescription p : prescriptions.ofClient(client.id())) {
            if (p.kind() != Prescription.Kind.REGULAR
                    || (p.stoppedAt() != null && p.stoppedAt().isBefore(from))) {
                continue;
            }
            for (DoseSchedule.Due d : p.dueBetween(from, to, zone)) {
                DoseRecord record = byDue.get(p.id() + "@" + d.at());
                if (record != null && record.outcome() == DoseRecord.Outcome.GIVEN) {
                    due.add(new DueDose(p.medicine().id(), p.medicine().label(), d.at(), Result.GIVEN, null));
                } else if (record != null) {
                    NotGivenReason reason = record.reason();
                    due.add(new DueDose(
                            p.medicine().id(),
                            p.medicine().label(),
                            d.at(),
                            Result.NOT_GIVEN,
                            reason == null ? null : reason.words()));
                } else if (!now.isBefore(d.at().plus(p.tolerance(settings)))) {
                    due.add(new DueDose(p.medicine().id(), p.medicine().label(), d.at(), Result.MISSED, null));
                }
            }
        }
        due.sort(Comparator.comparing(DueDose::dueAt));
        return due;
    }
}
