package org.trackwell.medication.web;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.trackwell.medication.internal.MedicationRefused;

/** What the medication pages' forms share. */
final class MedicationForms {

    private MedicationForms() {}

    /** What a form gives back to show again on an error: its fields, without the CSRF token. */
    static Map<String, String> typed(Map<String, String> form) {
        Map<String, String> typed = new HashMap<>(form);
        typed.keySet().removeIf(field -> field.startsWith("_"));
        return typed;
    }

    /** The medicine chosen in a form, which starts with none chosen so that nobody takes the first by mistake. */
    static UUID chosenMedicine(String medicine) {
        if (medicine.isBlank()) {
            throw MedicationRefused.invalid("Choose one of the service's medicines.");
        }
        return UUID.fromString(medicine);
    }
}
