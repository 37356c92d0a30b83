package org.trackwell.reports.internal;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.trackwell.outcomes.TalkingTherapies.EpisodeOutcome;

/** A count in the outcomes report, and which episodes it counts: the list behind it. */
public enum Figure {
    REFERRALS("Referrals received in the period"),
    OPENED("Episodes opened: first attended session in the period"),
    CLOSED("Episodes closed in the period"),
    SECOND_SESSION("Second attended session in the period"),
    ATTENDED("With attended sessions in the period"),
    FINISHED("Closed episodes that finished a course of treatment"),
    MEASURED("Finished, with paired PHQ-9 and GAD-7 scores"),
    CASE_AT_START("Finished, paired and at caseness at the start"),
    RECOVERED("Recovered"),
    RELIABLE_IMPROVEMENT("Reliable improvement"),
    RELIABLE_RECOVERY("Reliable recovery"),
    RELIABLE_DETERIORATION("Reliable deterioration");

    private final String label;

    Figure(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** As it appears in addresses: {@code reliable-improvement}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<Figure> byKey(String key) {
        for (Figure figure : values()) {
            if (figure.key().equals(key)) {
                return Optional.of(figure);
            }
        }
        return Optional.empty();
    }

    boolean counts(EpisodeLine line, EpisodeOutcome outcome, ReportFilter filter) {
        boolean closed = within(line.closedOn(), filter);
        boolean measured = closed && outcome.measured();
        return switch (this) {
            case REFERRALS -> within(line.referredOn(), filter);
            case OPENED -> within(line.firstContact(), filter);
            case CLOSED -> closed;
            case SECOND_SESSION -> within(line.secondContact(), filter);
            case ATTENDED -> line.attendedInPeriod() > 0;
            case FINISHED -> closed && outcome.finished();
            case MEASURED -> measured;
            case CASE_AT_START -> measured && outcome.caseAtStart();
            case RECOVERED -> measured && outcome.recovered();
            case RELIABLE_IMPROVEMENT -> measured && outcome.reliableImprovement();
            case RELIABLE_RECOVERY -> measured && outcome.reliableRecovery();
            case RELIABLE_DETERIORATION -> measured && outcome.reliableDeterioration();
        };
    }

    static boolean within(@Nullable LocalDate day, ReportFilter filter) {
        return day != null && !day.isBefore(filter.from()) && !day.isAfter(filter.to());
    }
}
