package org.trackwell.medication.internal;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * When a regular prescription's doses fall due, in the service's time zone.
 *
 * <p>Clock times ({@code TIMES_OF_DAY}, {@code EVERY_N_DAYS}, {@code TAPERING}) are wall-clock
 * times: a dose "at 08:00" is due when the clocks show 08:00, summer or winter. On the
 * spring-forward night a time that does not exist (01:30 in the UK) is due when the clocks show
 * the same time an hour later (02:30 BST), so the dose is neither lost nor moved to another day.
 * On the autumn night a time that happens twice (01:30) is due once, at the first 01:30 (BST).
 * Intervals ({@code EVERY_N_HOURS}) keep the interval, not the clock time: "every 8 hours" stays
 * 8 hours apart in real time across both changes, so its clock times move by an hour.
 *
 * @param times the clock times; for {@code EVERY_N_HOURS} the first is when the first dose is due
 * @param days for {@code TIMES_OF_DAY}, the days of the week (none: every day); weekly schedules
 *     are this with the days given
 * @param every N, for {@code EVERY_N_HOURS} and {@code EVERY_N_DAYS}
 * @param steps for {@code TAPERING}: date ranges, each with its own dose and times
 */
public record DoseSchedule(
        Kind kind,
        List<LocalTime> times,
        Set<DayOfWeek> days,
        @Nullable Integer every,
        List<Step> steps) {

    /** Missing lists are empty and blank entries are dropped, so a sloppy request is refused, not crashed on. */
    public DoseSchedule {
        times = times == null
                ? List.of()
                : times.stream().filter(Objects::nonNull).toList();
        days = days == null ? Set.of() : days.stream().filter(Objects::nonNull).collect(Collectors.toUnmodifiableSet());
        steps = steps == null
                ? List.of()
                : steps.stream().filter(Objects::nonNull).toList();
    }

    public enum Kind {
        TIMES_OF_DAY,
        EVERY_N_HOURS,
        EVERY_N_DAYS,
        TAPERING
    }

    /** One stage of a tapering course, both dates included. */
    public record Step(LocalDate from, LocalDate to, BigDecimal dose, List<LocalTime> times) {

        public Step {
            times = times == null
                    ? List.of()
                    : times.stream().filter(Objects::nonNull).toList();
        }
    }

    /** A dose due at a moment, with the amount due. */
    public record Due(Instant at, BigDecimal dose) {}

    public static DoseSchedule timesOfDay(LocalTime... times) {
        return new DoseSchedule(Kind.TIMES_OF_DAY, List.of(times), Set.of(), null, List.of());
    }

    /** What is wrong with the schedule, in words; empty when it can be used. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (kind == null) {
            problems.add("Choose the kind of schedule.");
            return problems;
        }
        switch (kind) {
            case TIMES_OF_DAY -> requireTimes(problems);
            case EVERY_N_DAYS -> {
                requireTimes(problems);
                if (every == null || every < 1 || every > 90) {
                    problems.add("Every N days needs N from 1 to 90.");
                }
            }
            case EVERY_N_HOURS -> {
                if (times.size() != 1) {
                    problems.add("Every N hours needs the time of the first dose, and only that.");
                }
                if (every == null || every < 1 || every > 72) {
                    problems.add("Every N hours needs N from 1 to 72.");
                }
            }
            case TAPERING -> {
                if (steps.isEmpty()) {
                    problems.add("A tapering course needs at least one step.");
                }
                if (steps.stream()
                        .anyMatch(step ->
                                step == null || step.from() == null || step.to() == null || step.dose() == null)) {
                    problems.add("Each step needs its first and last date and its dose.");
                    return problems;
                }
                List<Step> ordered =
                        steps.stream().sorted(Comparator.comparing(Step::from)).toList();
                for (int i = 0; i < ordered.size(); i++) {
                    Step step = ordered.get(i);
                    if (step.to().isBefore(step.from())
                            || step.times().isEmpty()
                            || Amounts.problem(step.dose(), "A step's dose", false)
                                    .isPresent()) {
                        problems.add("Each step needs dates in order, a dose above zero (at most "
                                + Amounts.MOST.toPlainString() + ", to 3 decimal places) and at least one time.");
                    }
                    if (i > 0 && !step.from().isAfter(ordered.get(i - 1).to())) {
                        problems.add("Tapering steps must not overlap.");
                    }
                }
            }
        }
        return problems;
    }

    private void requireTimes(List<String> problems) {
        if (times.isEmpty() || times.size() > 24 || times.stream().distinct().count() != times.size()) {
            problems.add("Give the times of day, each once (at most 24).");
        }
    }

    /**
     * The doses due from {@code from} (included) to {@code to} (excluded) for a prescription that
     * runs from {@code startsOn} to {@code endsOn} (both included; no end: open).
     */
    public List<Due> dueBetween(
            LocalDate startsOn, @Nullable LocalDate endsOn, BigDecimal dose, Instant from, Instant to, ZoneId zone) {
        List<Due> due = new ArrayList<>();
        if (kind == Kind.EVERY_N_HOURS) {
            everyHours(startsOn, endsOn, dose, from, to, zone, due);
            return due;
        }
        LocalDate first = later(startsOn, from.atZone(zone).toLocalDate().minusDays(1));
        LocalDate last = to.atZone(zone).toLocalDate().plusDays(1);
        if (endsOn != null && endsOn.isBefore(last)) {
            last = endsOn;
        }
        for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
            for (Due candidate : onDate(date, startsOn, dose, zone)) {
                if (!candidate.at().isBefore(from) && candidate.at().isBefore(to)) {
                    due.add(candidate);
                }
            }
        }
        due.sort(Comparator.comparing(Due::at));
        return due;
    }

    private List<Due> onDate(LocalDate date, LocalDate startsOn, BigDecimal dose, ZoneId zone) {
        List<Due> due = new ArrayList<>();
        switch (kind) {
            case TIMES_OF_DAY -> {
                if (days.isEmpty() || days.contains(date.getDayOfWeek())) {
                    times.forEach(time -> due.add(new Due(at(date, time, zone), dose)));
                }
            }
            case EVERY_N_DAYS -> {
                if (ChronoUnit.DAYS.between(startsOn, date) % interval() == 0) {
                    times.forEach(time -> due.add(new Due(at(date, time, zone), dose)));
                }
            }
            case TAPERING ->
                steps.stream()
                        .filter(step -> !date.isBefore(step.from()) && !date.isAfter(step.to()))
                        .forEach(step ->
                                step.times().forEach(time -> due.add(new Due(at(date, time, zone), step.dose()))));
            case EVERY_N_HOURS -> throw new IllegalStateException("intervals are not per date");
        }
        return due;
    }

    /** N of an every-N schedule, which the constructor requires. */
    private int interval() {
        return Objects.requireNonNull(every, "an every-N schedule has its N");
    }

    private void everyHours(
            LocalDate startsOn,
            @Nullable LocalDate endsOn,
            BigDecimal dose,
            Instant from,
            Instant to,
            ZoneId zone,
            List<Due> due) {
        Instant anchor = at(startsOn, times.getFirst(), zone);
        Duration step = Duration.ofHours(interval());
        // Any date is a valid end or start, up to the calendar's last day: compare days before
        // moving past one, and count whole seconds, which span the calendar without overflowing.
        Instant end = endsOn == null || !endsOn.isBefore(to.atZone(zone).toLocalDate())
                ? to
                : earlier(to, endsOn.plusDays(1).atStartOfDay(zone).toInstant());
        long skip = from.isAfter(anchor) ? Duration.between(anchor, from).getSeconds() / step.getSeconds() : 0;
        for (Instant at = anchor.plus(step.multipliedBy(skip)); at.isBefore(end); at = at.plus(step)) {
            if (!at.isBefore(from)) {
                due.add(new Due(at, dose));
            }
        }
    }

    /** A wall-clock time on a date: in a spring gap, later by the gap; in an autumn overlap, the first. */
    static Instant at(LocalDate date, LocalTime time, ZoneId zone) {
        return ZonedDateTime.of(date, time, zone).toInstant();
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
