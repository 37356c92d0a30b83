package org.trackwell.medication.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trackwell.clients.ClientRef;
import org.trackwell.medication.CurrentMedication;

/** The client's prescriptions not stopped, started by today and not ended before it. */
@Service
class CurrentMedicationList implements CurrentMedication {

    private final PrescriptionRows prescriptions;
    private final Medicines medicines;
    private final Clock clock;

    CurrentMedicationList(PrescriptionRows prescriptions, Medicines medicines, Clock clock) {
        this.prescriptions = prescriptions;
        this.medicines = medicines;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Prescribed> of(ClientRef client) {
        LocalDate today = LocalDate.now(clock.withZone(medicines.settings().zone()));
        return prescriptions.ofClient(client.id()).stream()
                .filter(Prescription::active)
                .filter(p -> !p.startsOn().isAfter(today))
                .filter(p -> p.endsOn() == null || !p.endsOn().isBefore(today))
                .map(p -> new Prescribed(
                        p.medicine().id(),
                        p.medicine().label(),
                        p.dose().stripTrailingZeros().toPlainString() + " " + p.unit() + ", " + p.route(),
                        p.kind() == Prescription.Kind.REGULAR
                                ? "Regular"
                                : "As needed, at most " + p.limits().maxDosesPerDay() + " a day",
                        p.startsOn(),
                        p.endsOn(),
                        p.prescriber()))
                .toList();
    }
}
