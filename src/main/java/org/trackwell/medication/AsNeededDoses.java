package org.trackwell.medication;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.trackwell.clients.ClientRef;

/**
 * The as-needed (PRN) doses given to a client in a period, as they stand after corrections, with
 * their effect when someone recorded it and whether the PRN limits were overridden to give them,
 * for the reports another module adds up.
 */
public interface AsNeededDoses {

    /** How well a dose worked, as the person who asked recorded it. */
    enum Effect {
        HELPED("helped"),
        HELPED_A_LITTLE("helped a little"),
        DID_NOT_HELP("did not help");

        private final String words;

        Effect(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /**
     * One dose given.
     *
     * @param effect null when nobody recorded whether it helped
     * @param overridden given beyond the PRN limits, with a reason (which stays sealed in the record)
     */
    record AsNeededDose(
            UUID medicineId,
            String medicine,
            Instant givenAt,
            @Nullable Effect effect,
            boolean overridden) {}

    /** The doses given on the days from {@code first} to {@code last}, both included, in the service's time zone. */
    List<AsNeededDose> of(ClientRef client, LocalDate first, LocalDate last);
}
