package org.trackwell.medication.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.trackwell.medication.internal.DoseSchedule.Due;
import org.trackwell.medication.internal.DoseSchedule.Kind;
import org.trackwell.medication.internal.DoseSchedule.Step;

/** Every kind of schedule, in the UK's time zone, across both daylight-saving changes. */
class DoseScheduleTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final BigDecimal ONE = BigDecimal.ONE;

    @Test
    void givesEachTimeOfDayOnEveryDay() {
        DoseSchedule schedule = DoseSchedule.timesOfDay(LocalTime.of(8, 0), LocalTime.of(20, 0));
        List<Due> due = due(schedule, LocalDate.of(2026, 1, 10), null, "2026-01-10T00:00:00Z", "2026-01-12T00:00:00Z");
        assertThat(due)
                .extracting(Due::at)
                .containsExactly(
                        instant("2026-01-10T08:00:00Z"),
                        instant("2026-01-10T20:00:00Z"),
                        instant("2026-01-11T08:00:00Z"),
                        instant("2026-01-11T20:00:00Z"));
    }

    @Test
    void keepsTheClockTimeInSummer() {
        DoseSchedule schedule = DoseSchedule.timesOfDay(LocalTime.of(8, 0));
        assertThat(due(schedule, LocalDate.of(2026, 6, 1), null, "2026-07-01T00:00:00Z", "2026-07-02T00:00:00Z"))
                .extracting(Due::at)
                .containsExactly(instant("2026-07-01T07:00:00Z"));
    }

    @Test
    void startsAndEndsWithThePrescription() {
        DoseSchedule schedule = DoseSchedule.timesOfDay(LocalTime.of(9, 0));
        List<Due> due = due(
                schedule,
                LocalDate.of(2026, 2, 3),
                LocalDate.of(2026, 2, 4),
                "2026-02-01T00:00:00Z",
                "2026-02-10T00:00:00Z");
        assertThat(due)
                .extracting(Due::at)
                .containsExactly(instant("2026-02-03T09:00:00Z"), instant("2026-02-04T09:00:00Z"));
    }

    @Test
    void givesWeeklyDosesOnTheChosenDaysOnly() {
        DoseSchedule weekly = new DoseSchedule(
                Kind.TIMES_OF_DAY,
                List.of(LocalTime.of(10, 0)),
                Set.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY),
                null,
                List.of());
        List<Due> due = due(weekly, LocalDate.of(2026, 3, 1), null, "2026-03-02T00:00:00Z", "2026-03-16T00:00:00Z");
        assertThat(due)
                .extracting(d -> d.at().atZone(LONDON).getDayOfWeek())
                .containsExactly(DayOfWeek.MONDAY, DayOfWeek.THURSDAY, DayOfWeek.MONDAY, DayOfWeek.THURSDAY);
    }

    @Test
    void givesEveryNDaysCountedFromTheStart() {
        DoseSchedule everyThird =
                new DoseSchedule(Kind.EVERY_N_DAYS, List.of(LocalTime.of(12, 0)), Set.of(), 3, List.of());
        List<Due> due = due(everyThird, LocalDate.of(2026, 1, 1), null, "2026-01-01T00:00:00Z", "2026-01-11T00:00:00Z");
        assertThat(due).extracting(d -> d.at().atZone(LONDON).getDayOfMonth()).containsExactly(1, 4, 7, 10);
    }

    @Test
    void keepsEveryNHoursInRealTime() {
        DoseSchedule everyEight =
                new DoseSchedule(Kind.EVERY_N_HOURS, List.of(LocalTime.of(6, 0)), Set.of(), 8, List.of());
        List<Due> due = due(everyEight, LocalDate.of(2026, 1, 5), null, "2026-01-06T00:00:00Z", "2026-01-07T00:00:00Z");
        assertThat(due)
                .extracting(Due::at)
                .containsExactly(
                        instant("2026-01-06T06:00:00Z"),
                        instant("2026-01-06T14:00:00Z"),
                        instant("2026-01-06T22:00:00Z"));
    }

    @Test
    void tapersTheDoseByDateRange() {
        DoseSchedule taper = new DoseSchedule(
                Kind.TAPERING,
                List.of(),
                Set.of(),
                null,
                List.of(
                        new Step(
                                LocalDate.of(2026, 4, 1),
                                LocalDate.of(2026, 4, 2),
                                new BigDecimal("30"),
                                List.of(LocalTime.of(8, 0))),
                        new Step(
                                LocalDate.of(2026, 4, 3),
                                LocalDate.of(2026, 4, 4),
                                new BigDecimal("20"),
                                List.of(LocalTime.of(8, 0))),
                        new Step(
                                LocalDate.of(2026, 4, 5),
                                LocalDate.of(2026, 4, 5),
                                new BigDecimal("10"),
                                List.of(LocalTime.of(8, 0)))));
        List<Due> due = due(
                taper,
                LocalDate.of(2026, 4, 1),
                LocalDate.of(2026, 4, 30),
                "2026-03-30T00:00:00Z",
                "2026-04-10T00:00:00Z");
        assertThat(due)
                .extracting(Due::dose)
                .containsExactly(
                        new BigDecimal("30"),
                        new BigDecimal("30"),
                        new BigDecimal("20"),
                        new BigDecimal("20"),
                        new BigDecimal("10"));
        assertThat(due.getFirst().at()).isEqualTo(instant("2026-04-01T07:00:00Z"));
    }

    @Test
    void dueAt0130OnTheSpringForwardNightIsGivenWhenTheClocksShow0230() {
        DoseSchedule schedule = DoseSchedule.timesOfDay(LocalTime.of(1, 30), LocalTime.of(8, 0));
        List<Due> due = due(schedule, LocalDate.of(2026, 3, 1), null, "2026-03-29T00:00:00Z", "2026-03-30T00:00:00Z");
        assertThat(due)
                .extracting(Due::at)
                .as("01:30 GMT does not exist on 29 March 2026: due at 02:30 BST, which is 01:30 UTC")
                .containsExactly(instant("2026-03-29T01:30:00Z"), instant("2026-03-29T07:00:00Z"));
        assertThat(due.getFirst().at().atZone(LONDON).toLocalTime()).isEqualTo(LocalTime.of(2, 30));
    }

    @Test
    void dueAt0130OnTheAutumnNightIsDueOnceAtTheFirst0130() {
        DoseSchedule schedule = DoseSchedule.timesOfDay(LocalTime.of(1, 30));
        List<Due> due = due(schedule, LocalDate.of(2026, 10, 1), null, "2026-10-24T23:00:00Z", "2026-10-25T12:00:00Z");
        assertThat(due)
                .extracting(Due::at)
                .as("01:30 happens at 00:30 UTC (BST) and again at 01:30 UTC (GMT) on 25 October 2026")
                .containsExactly(instant("2026-10-25T00:30:00Z"));
    }

    @Test
    void keepsEightHoursApartAcrossBothChanges() {
        DoseSchedule everyEight =
                new DoseSchedule(Kind.EVERY_N_HOURS, List.of(LocalTime.of(6, 0)), Set.of(), 8, List.of());
        List<Due> spring =
                due(everyEight, LocalDate.of(2026, 3, 28), null, "2026-03-28T00:00:00Z", "2026-03-30T00:00:00Z");
        assertEightHoursApart(spring);
        assertThat(spring.getLast().at().atZone(LONDON).toLocalTime())
                .as("clock times move by an hour after the change")
                .isEqualTo(LocalTime.of(23, 0));
        assertEightHoursApart(
                due(everyEight, LocalDate.of(2026, 10, 24), null, "2026-10-24T00:00:00Z", "2026-10-26T00:00:00Z"));
    }

    private static void assertEightHoursApart(List<Due> due) {
        assertThat(due).hasSizeGreaterThan(4);
        for (int i = 1; i < due.size(); i++) {
            assertThat(java.time.Duration.between(
                                    due.get(i - 1).at(), due.get(i).at())
                            .toHours())
                    .isEqualTo(8);
        }
    }

    @Test
    void saysWhatIsWrongWithASchedule() {
        assertThat(new DoseSchedule(Kind.TIMES_OF_DAY, List.of(), Set.of(), null, List.of()).problems())
                .isNotEmpty();
        assertThat(new DoseSchedule(Kind.EVERY_N_HOURS, List.of(LocalTime.NOON), Set.of(), 0, List.of()).problems())
                .isNotEmpty();
        assertThat(new DoseSchedule(
                                Kind.TAPERING,
                                List.of(),
                                Set.of(),
                                null,
                                List.of(
                                        new Step(
                                                LocalDate.of(2026, 1, 1),
                                                LocalDate.of(2026, 1, 5),
                                                ONE,
                                                List.of(LocalTime.NOON)),
                                        new Step(
                                                LocalDate.of(2026, 1, 5),
                                                LocalDate.of(2026, 1, 9),
                                                ONE,
                                                List.of(LocalTime.NOON))))
                        .problems())
                .contains("Tapering steps must not overlap.");
        assertThat(DoseSchedule.timesOfDay(LocalTime.of(8, 0)).problems()).isEmpty();
    }

    /** The schedule's doses from {@code from} to {@code to} for a prescription of one unit, in London. */
    private static List<Due> due(DoseSchedule schedule, LocalDate startsOn, LocalDate endsOn, String from, String to) {
        return schedule.dueBetween(startsOn, endsOn, ONE, instant(from), instant(to), LONDON);
    }

    private static Instant instant(String text) {
        return Instant.parse(text);
    }
}
