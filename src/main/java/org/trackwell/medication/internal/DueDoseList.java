package org.trackwell.medication.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
        DueDoses doses = new DueDoses(
                this.doses.ofClient(client.id(), from, to).stream()
                        .map(StoredDose::record)
                        .toList(),
                from,
                to,
                clock.instant(),
                settings);
        List<DueDose> due = new ArrayList<>();
        for (Prescription p : prescriptions.ofClient(client.id())) {
            if (p.kind() != Prescription.Kind.REGULAR || !doses.ran(p)) {
                continue;
            }
            for (DueDoses.Settled settled : doses.of(p)) {
                DoseRecord record = settled.record();
                Instant at = settled.due().at();
                if (settled.given()) {
                    due.add(new DueDose(p.medicine().id(), p.medicine().label(), at, Result.GIVEN, null));
                } else if (record != null) {
                    NotGivenReason reason = record.reason();
                    due.add(new DueDose(
                            p.medicine().id(),
                            p.medicine().label(),
                            at,
                            Result.NOT_GIVEN,
                            reason == null ? null : reason.words()));
                } else if (settled.missed()) {
                    due.add(new DueDose(p.medicine().id(), p.medicine().label(), at, Result.MISSED, null));
                }
            }
        }
        due.sort(Comparator.comparing(DueDose::dueAt));
        return due;
    }
}
