package org.trackwell.medication.internal;

import org.jspecify.annotations.Nullable;

/** A second member of staff confirming with their own password or second-factor code. */
public record Witness(
        String email, @Nullable String password, @Nullable String code) {

    @Override
    public String toString() {
        return "Witness[****]";
    }
}
