package org.trackwell.medication.internal;

import java.util.List;
import org.trackwell.shared.Refusal;

/** A medication action a rule forbids: recorded twice, outside PRN limits, no witness, and so on. */
public final class MedicationRefused extends Refusal {

    private final int status;
    private final List<String> details;

    private MedicationRefused(String message, int status, List<String> details) {
        super(message);
        this.status = status;
        this.details = List.copyOf(details);
    }

    public static MedicationRefused conflict(String message) {
        return new MedicationRefused(message, 409, List.of());
    }

    public static MedicationRefused invalid(String message) {
        return new MedicationRefused(message, 400, List.of());
    }

    public static MedicationRefused invalid(String message, List<String> details) {
        return new MedicationRefused(message, 400, details);
    }

    public static MedicationRefused notFound(String message) {
        return new MedicationRefused(message, 404, List.of());
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public String title() {
        return status == 404 ? "Not found" : status == 400 ? "Not valid" : "Refused";
    }

    @Override
    public List<String> details() {
        return details;
    }
}
