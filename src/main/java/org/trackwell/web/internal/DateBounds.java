package org.trackwell.web.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The widest span of dates any request may carry. Each feature has its own, narrower rules (a
 * referral is not in the future, a birth year is not before 1900); this bound keeps absurd years
 * from reaching the database, which cannot store some of them.
 */
final class DateBounds {

    static final int FIRST_YEAR = 1900;
    static final int LAST_YEAR = 2200;

    static final Set<Class<?>> BOUNDED =
            Set.of(LocalDate.class, LocalDateTime.class, Instant.class, YearMonth.class, Year.class);

    private DateBounds() {}

    private static final Instant FIRST_INSTANT = Instant.parse(FIRST_YEAR + "-01-01T00:00:00Z");
    private static final Instant AFTER_LAST_INSTANT = Instant.parse((LAST_YEAR + 1) + "-01-01T00:00:00Z");

    /** Why this date is refused, or nothing when it is within bounds or is not a date. */
    static Optional<String> problem(@Nullable Object value) {
        boolean within = switch (value) {
            case LocalDate date -> within(date.getYear());
            case LocalDateTime dateTime -> within(dateTime.getYear());
            case Instant instant -> !instant.isBefore(FIRST_INSTANT) && instant.isBefore(AFTER_LAST_INSTANT);
            case YearMonth month -> within(month.getYear());
            case Year year -> within(year.getValue());
            case null, default -> true;
        };
        return within
                ? Optional.empty()
                : Optional.of("must be between the years " + FIRST_YEAR + " and " + LAST_YEAR + ".");
    }

    private static boolean within(int year) {
        return year >= FIRST_YEAR && year <= LAST_YEAR;
    }
}
