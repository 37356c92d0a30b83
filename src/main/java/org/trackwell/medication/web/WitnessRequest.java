package org.trackwell.medication.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.trackwell.medication.internal.Witness;

/** A second member of staff confirming a controlled drug given, received, returned or disposed of. */
record WitnessRequest(
        @NotNull @Size(max = 320) String email,
        @Nullable String password,
        @Nullable String code) {

    Witness toWitness() {
        return new Witness(email, password, code);
    }
}
