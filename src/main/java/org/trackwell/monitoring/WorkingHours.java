package org.trackwell.monitoring;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The days and hours a service's staff work, in its time zone: activity outside them is noticed. */
public record WorkingHours(Set<DayOfWeek> days, LocalTime starts, LocalTime ends) {

    public WorkingHours {
        days = days.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(days));
    }

    /** Every day, 07:00 to 22:00: early and late shifts, not nights. */
    public static WorkingHours defaults() {
        return new WorkingHours(EnumSet.allOf(DayOfWeek.class), LocalTime.of(7, 0), LocalTime.of(22, 0));
    }

    public boolean covers(Instant at, ZoneId zone) {
        ZonedDateTime local = at.atZone(zone);
        LocalTime time = local.toLocalTime();
        return days.contains(local.getDayOfWeek()) && !time.isBefore(starts) && time.isBefore(ends);
    }

    public boolean worksOn(DayOfWeek day) {
        return days.contains(day);
    }

    WorkingHours checked() {
        if (days.isEmpty()) {
            throw new MonitoringRefused("Working hours: choose at least one working day.");
        }
        if (!starts.isBefore(ends)) {
            throw new MonitoringRefused("Working hours: the day must start before it ends (for night work,"
                    + " start at 00:00 or turn the rule off).");
        }
        return this;
    }

    /** As the audit trail records it: {@code Mon,Tue 07:00-22:00}. */
    String described() {
        return EnumSet.copyOf(days.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : days).stream()
                        .map(day -> day.getDisplayName(TextStyle.SHORT, Locale.UK))
                        .collect(Collectors.joining(","))
                + " " + starts + "-" + ends;
    }
}
