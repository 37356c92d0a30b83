package org.trackwell.medication.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Builders;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.trackwell.medication.internal.DoseSchedule.Due;
import org.trackwell.medication.internal.DoseSchedule.Kind;
import org.trackwell.medication.internal.DoseSchedule.Step;

/**
 * Dose schedules as a prescriber might enter them, with any dates, times, intervals and amounts:
 * each is usable or says what is wrong, and a usable one gives its doses for any prescription
 * dates without failing, each inside the window asked for and inside the prescription.
 */
class DoseSchedulePropertiesTest {

    private static final List<ZoneId> ZONES = List.of(
            ZoneId.of("Europe/London"),
            ZoneId.of("America/New_York"),
            ZoneId.of("Australia/Lord_Howe"),
            ZoneOffset.UTC);

    @Property(tries = 3000)
    void anyScheduleIsUsableOrSaysWhatIsWrong(@ForAll("schedules") DoseSchedule schedule) {
        assertThatCode(schedule::problems).doesNotThrowAnyException();
    }

    @Property(tries = 3000)
    void aUsableScheduleGivesDosesInsideTheWindowAndThePrescription(
            @ForAll("usableSchedules") DoseSchedule schedule,
            @ForAll("anyDates") LocalDate startsOn,
            @ForAll("endings") Duration length,
            @ForAll("windows") Instant from,
            @ForAll @IntRange(min = 1, max = 96) int hours,
            @ForAll("zones") ZoneId zone) {
        Assume.that(schedule.problems().isEmpty());
        Statistics.collect(schedule.kind());
        LocalDate endsOn = length.isNegative() ? null : plusDaysOrLast(startsOn, length.toDays());
        Instant to = from.plus(Duration.ofHours(hours));
        List<Due> due = schedule.dueBetween(startsOn, endsOn, BigDecimal.ONE, from, to, zone);
        assertThat(due).isSortedAccordingTo(java.util.Comparator.comparing(Due::at));
        for (Due dose : due) {
            assertThat(dose.at()).isBetween(from, to.minusNanos(1));
            LocalDate day = dose.at().atZone(zone).toLocalDate();
            assertThat(day).isAfterOrEqualTo(startsOn);
            if (endsOn != null) {
                assertThat(day).isBeforeOrEqualTo(endsOn);
            }
            assertThat(dose.dose()).isPositive();
        }
    }

    @Property
    void aDailyScheduleGivesEachTimeOnceADayInUtc(
            @ForAll("clockTimes") List<LocalTime> times,
            @ForAll("recentDates") LocalDate day,
            @ForAll @IntRange(min = 1, max = 14) int days) {
        DoseSchedule schedule = new DoseSchedule(Kind.TIMES_OF_DAY, times, null, null, null);
        Assume.that(schedule.problems().isEmpty());
        Instant from = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        List<Due> due = schedule.dueBetween(
                day.minusDays(1), null, BigDecimal.ONE, from, from.plus(days, ChronoUnit.DAYS), ZoneOffset.UTC);
        assertThat(due).hasSize(days * times.size());
    }

    @Property
    void anIntervalKeepsItsHoursInRealTime(
            @ForAll @IntRange(min = 1, max = 72) int every,
            @ForAll("clockTime") LocalTime first,
            @ForAll("recentDates") LocalDate startsOn,
            @ForAll("zones") ZoneId zone) {
        DoseSchedule schedule = new DoseSchedule(Kind.EVERY_N_HOURS, List.of(first), null, every, null);
        Instant from = startsOn.atStartOfDay(zone).toInstant();
        List<Due> due = schedule.dueBetween(startsOn, null, BigDecimal.ONE, from, from.plus(Duration.ofDays(10)), zone);
        for (int i = 1; i < due.size(); i++) {
            assertThat(Duration.between(due.get(i - 1).at(), due.get(i).at())).isEqualTo(Duration.ofHours(every));
        }
    }

    private static LocalDate plusDaysOrLast(LocalDate date, long days) {
        return ChronoUnit.DAYS.between(date, LocalDate.MAX) < days ? LocalDate.MAX : date.plusDays(days);
    }

    @Provide
    Arbitrary<DoseSchedule> schedules() {
        return Builders.withBuilder(() -> new Object[5])
                .use(Arbitraries.of(Kind.class).injectNull(0.05))
                .in((parts, kind) -> set(parts, 0, kind))
                .use(clockTimes().injectNull(0.05))
                .in((parts, times) -> set(parts, 1, times))
                .use(Arbitraries.of(DayOfWeek.class).set().ofMaxSize(7).injectNull(0.1))
                .in((parts, days) -> set(parts, 2, days))
                .use(Arbitraries.oneOf(Arbitraries.integers().between(-2, 100), Arbitraries.integers())
                        .injectNull(0.1))
                .in((parts, every) -> set(parts, 3, every))
                .use(steps().list().ofMaxSize(4).injectNull(0.05))
                .in((parts, steps) -> set(parts, 4, steps))
                .build(parts -> new DoseSchedule(
                        (Kind) parts[0], cast(parts[1]), cast(parts[2]), (Integer) parts[3], cast(parts[4])));
    }

    @Provide
    Arbitrary<DoseSchedule> usableSchedules() {
        Arbitrary<List<LocalTime>> times =
                clockTime().list().uniqueElements().ofMinSize(1).ofMaxSize(24);
        return Arbitraries.oneOf(
                Arbitraries.of(DayOfWeek.class)
                        .set()
                        .ofMaxSize(7)
                        .flatMap(days -> times.map(t -> new DoseSchedule(Kind.TIMES_OF_DAY, t, days, null, null))),
                Arbitraries.integers()
                        .between(1, 90)
                        .flatMap(every -> times.map(t -> new DoseSchedule(Kind.EVERY_N_DAYS, t, null, every, null))),
                Arbitraries.integers()
                        .between(1, 72)
                        .flatMap(every -> clockTime()
                                .map(first -> new DoseSchedule(Kind.EVERY_N_HOURS, List.of(first), null, every, null))),
                Arbitraries.oneOf(recentDates(), farDates())
                        .flatMap(start -> Arbitraries.integers()
                                .between(0, 40)
                                .list()
                                .ofMinSize(1)
                                .ofMaxSize(4)
                                .flatMap(lengths -> times.map(t -> tapering(start, lengths, t)))));
    }

    /** Steps one after another from {@code start}, each {@code lengths[i]} days more than a day long. */
    private static DoseSchedule tapering(LocalDate start, List<Integer> lengths, List<LocalTime> times) {
        List<Step> steps = new java.util.ArrayList<>();
        LocalDate from = start;
        for (int length : lengths) {
            LocalDate to = from.plusDays(length);
            steps.add(new Step(from, to, BigDecimal.valueOf(length + 1L, 1), times));
            from = to.plusDays(1);
        }
        return new DoseSchedule(Kind.TAPERING, List.of(), null, null, steps);
    }

    /** Near either end of the calendar, with room for a course of steps. */
    Arbitrary<LocalDate> farDates() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(0, 1000).map(day -> LocalDate.MIN.plusDays(day)),
                Arbitraries.integers().between(200, 1000).map(day -> LocalDate.MAX.minusDays(day)));
    }

    private static Object[] set(Object[] parts, int index, Object value) {
        parts[index] = value;
        return parts;
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }

    Arbitrary<Step> steps() {
        return Arbitraries.oneOf(anyDates().injectNull(0.05), recentDates())
                .list()
                .ofSize(2)
                .flatMap(dates -> amounts()
                        .injectNull(0.05)
                        .flatMap(dose -> clockTimes()
                                .injectNull(0.05)
                                .map(times -> new Step(dates.get(0), dates.get(1), dose, times))))
                .injectNull(0.02);
    }

    @Provide
    Arbitrary<List<LocalTime>> clockTimes() {
        return clockTime().list().ofMinSize(0).ofMaxSize(26);
    }

    @Provide
    Arbitrary<LocalTime> clockTime() {
        return Arbitraries.integers().between(0, 24 * 60 - 1).map(minute -> LocalTime.of(minute / 60, minute % 60));
    }

    @Provide
    Arbitrary<LocalDate> anyDates() {
        return Arbitraries.oneOf(
                recentDates(),
                Arbitraries.longs()
                        .between(LocalDate.MIN.toEpochDay(), LocalDate.MAX.toEpochDay())
                        .map(LocalDate::ofEpochDay),
                Arbitraries.of(LocalDate.MIN, LocalDate.MAX, LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31)));
    }

    @Provide
    Arbitrary<LocalDate> recentDates() {
        return Arbitraries.integers()
                .between(0, 200 * 366)
                .map(day -> LocalDate.of(1950, 1, 1).plusDays(day));
    }

    @Provide
    Arbitrary<Duration> endings() {
        return Arbitraries.oneOf(
                Arbitraries.just(Duration.ofDays(-1)),
                Arbitraries.longs().between(0, 3650).map(Duration::ofDays),
                Arbitraries.longs().between(0, Long.MAX_VALUE / 86_400).map(Duration::ofDays));
    }

    @Provide
    Arbitrary<Instant> windows() {
        return recentDates()
                .flatMap(day -> Arbitraries.integers()
                        .between(0, 24 * 60 - 1)
                        .map(minute ->
                                day.atStartOfDay(ZoneOffset.UTC).toInstant().plus(Duration.ofMinutes(minute))));
    }

    @Provide
    Arbitrary<ZoneId> zones() {
        return Arbitraries.of(ZONES);
    }

    Arbitrary<BigDecimal> amounts() {
        return Arbitraries.oneOf(
                Arbitraries.bigDecimals()
                        .between(new BigDecimal("-10"), new BigDecimal("1000"))
                        .ofScale(3),
                Arbitraries.of(BigDecimal.ZERO, new BigDecimal("1E+400"), new BigDecimal("1E-400")));
    }
}
