package org.trackwell.reports.internal;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.trackwell.clients.EpisodeStage;
import org.trackwell.outcomes.TalkingTherapies.FirstAndLast;

/**
 * One episode of care as the outcomes report counts it, from one query: its dates, its attended
 * sessions and treatment contacts, and its first and last PHQ-9 and GAD-7 scores.
 *
 * @param firstContact the day of the first attended session, in the service's time zone
 * @param attendedInPeriod attended sessions in the report's period
 * @param pairedInPeriod those of them with paired scores
 */
record EpisodeLine(
        String code,
        UUID team,
        EpisodeStage stage,
        LocalDate referredOn,
        @Nullable LocalDate closedOn,
        @Nullable LocalDate firstContact,
        @Nullable LocalDate secondContact,
        int treatmentContacts,
        int attendedInPeriod,
        int pairedInPeriod,
        @Nullable FirstAndLast depression,
        @Nullable FirstAndLast anxiety) {}
