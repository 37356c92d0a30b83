package org.trackwell.medication.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A client's regular doses due in a period, each with the standing record that answers it (a
 * correction stands for what it corrects) and whether the time to give it has passed. The MAR
 * chart with its adherence count and the list of due doses the reports add up read them alike.
 */
final class DueDoses {

    /** A due dose, the record that answers it if any, and whether its window is over. */
    record Settled(DoseSchedule.Due due, @Nullable DoseRecord record, boolean windowOver) {

        boolean given() {
            return record != null && record.outcome() == DoseRecord.Outcome.GIVEN;
        }

        /** Not given, with a reason; a missed dose has no record. */
        boolean notGiven() {
            return record != null && record.outcome() != DoseRecord.Outcome.GIVEN;
        }

        boolean missed() {
            return record == null && windowOver;
        }
    }

    private final List<DoseRecord> standing;
    private final Map<String, DoseRecord> byDue;
    private final Instant from;
    private final Instant to;
    private final Instant now;
    private final MedicationSettings settings;

    /** @param recorded every record of the period, corrections included */
    DueDoses(List<DoseRecord> recorded, Instant from, Instant to, Instant now, MedicationSettings settings) {
        this.standing = DoseRecords.standing(recorded);
        this.byDue = byDue(standing);
        this.from = from;
        this.to = to;
        this.now = now;
        this.settings = settings;
    }

    /** The records that stand, as-needed doses included. */
    List<DoseRecord> standing() {
        return standing;
    }

    /** Whether the prescription ran in the period: it was not stopped before the period began. */
    boolean ran(Prescription p) {
        return p.stoppedAt() == null || !p.stoppedAt().isBefore(from);
    }

    /** The prescription's due doses in the period, in time order. */
    List<Settled> of(Prescription p) {
        return p.dueBetween(from, to, settings.zone()).stream()
                .map(d -> new Settled(
                        d, byDue.get(key(p.id(), d.at())), !now.isBefore(d.at().plus(p.tolerance(settings)))))
                .toList();
    }

    /** Standing records of due doses, by {@link #key}. */
    static Map<String, DoseRecord> byDue(List<DoseRecord> standing) {
        Map<String, DoseRecord> byDue = new HashMap<>();
        for (DoseRecord r : standing) {
            Instant dueAt = r.dueAt();
            if (dueAt != null) {
                byDue.put(key(r.prescriptionId(), dueAt), r);
            }
        }
        return byDue;
    }

    /** One due dose of one prescription. */
    static String key(UUID prescription, Instant dueAt) {
        return prescription + "@" + dueAt;
    }
}
