package org.trackwell.medication.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * An as-needed prescription's limits, the same for recording a dose, correcting one and the
 * round's "next dose allowed": the least time between two doses, on both sides (a dose recorded
 * late may fall between two others), and the most doses in every 24 hours that contain the dose,
 * not only the 24 hours before it.
 */
final class PrnLimits {

    private static final Duration DAY = Duration.ofHours(24);

    private PrnLimits() {}

    /** Which limit a dose at {@code at} would break, given the doses already given. */
    static Optional<String> broken(Prescription.Prn prn, List<Instant> given, Instant at) {
        Duration interval = Duration.ofMinutes(prn.minIntervalMinutes());
        if (given.stream().anyMatch(other -> Duration.between(other, at).abs().compareTo(interval) < 0)) {
            return Optional.of("Another dose was given less than " + prn.minIntervalMinutes()
                    + " minutes before or after this one.");
        }
        if (mostInADayWith(given, at) > prn.maxDosesPerDay()) {
            return Optional.of(prn.maxDosesPerDay() + " doses have already been given in 24 hours around this one.");
        }
        return Optional.empty();
    }

    /** When the next dose may be given, if not now: after the interval and once a day's count allows. */
    static Optional<Instant> nextAllowed(Prescription.Prn prn, List<Instant> given, Instant now) {
        List<Instant> newestFirst =
                given.stream().sorted(Comparator.reverseOrder()).toList();
        Instant next = now;
        if (!newestFirst.isEmpty()) {
            next = later(next, newestFirst.getFirst().plus(Duration.ofMinutes(prn.minIntervalMinutes())));
        }
        if (newestFirst.size() >= prn.maxDosesPerDay()) {
            next = later(next, newestFirst.get(prn.maxDosesPerDay() - 1).plus(DAY));
        }
        return next.isAfter(now) ? Optional.of(next) : Optional.empty();
    }

    /**
     * The most doses, counting one at {@code at}, in any 24 hours that contain {@code at}. The
     * busiest such window starts at a dose, so only those starts need counting.
     */
    static int mostInADayWith(List<Instant> given, Instant at) {
        List<Instant> all = Stream.concat(given.stream(), Stream.of(at)).toList();
        return all.stream()
                .filter(start -> !start.isAfter(at) && start.isAfter(at.minus(DAY)))
                .mapToInt(start -> (int) all.stream()
                        .filter(dose -> !dose.isBefore(start) && dose.isBefore(start.plus(DAY)))
                        .count())
                .max()
                .orElse(1);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
