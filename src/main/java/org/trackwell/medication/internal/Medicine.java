package org.trackwell.medication.internal;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A medicine the service gives, with its controlled-drug schedule if it is one. */
public record Medicine(
        UUID id,
        String name,
        String form,
        String strength,
        String route,
        boolean controlled,
        @Nullable Integer cdSchedule,
        @Nullable String notes) {

    public String label() {
        return name + " " + strength + " " + form;
    }
}
