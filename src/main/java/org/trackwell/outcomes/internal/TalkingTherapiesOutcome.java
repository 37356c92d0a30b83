package org.trackwell.outcomes.internal;

import org.jspecify.annotations.Nullable;

/**
 * An episode's outcome as NHS Talking Therapies reports it, on PHQ-9 and GAD-7 together, by NHS
 * England's published definitions (cited in docs/outcomes.md). An episode has an outcome once it
 * has finished a course of treatment (at least two attended treatment contacts) and has a first
 * and a last score on both questionnaires; the first and last scores of the episode are compared
 * by {@link Change.Paired}. Recovery and reliable recovery apply only to an episode that was a
 * case at the start.
 *
 * @param first the first PHQ-9 and GAD-7 scores of the episode, when there is an outcome
 * @param last the last PHQ-9 and GAD-7 scores of the episode, when there is an outcome
 */
public record TalkingTherapiesOutcome(
        Standing standing,
        int attendedTreatmentContacts,
        @Nullable Scores first,
        @Nullable Scores last,
        @Nullable Boolean caseAtStart,
        @Nullable Boolean caseAtEnd,
        @Nullable Recovery recovery,
        @Nullable Boolean reliableImprovement,
        @Nullable Boolean reliableDeterioration,
        @Nullable Recovery reliableRecovery) {

    public static final String DEPRESSION = "PHQ-9";
    public static final String ANXIETY = "GAD-7";
    static final int FINISHED_AFTER_CONTACTS = 2;

    /** Whether the episode has an outcome to report, or what it lacks. */
    public enum Standing {
        NOT_FINISHED,
        NO_PAIRED_SCORES,
        MEASURED
    }

    public enum Recovery {
        RECOVERED,
        NOT_RECOVERED,
        NOT_A_CASE_AT_START
    }

    public record Scores(double phq9, double gad7) {}

    /**
     * The outcome from the attended treatment contacts and each questionnaire's change from its
     * first to its last score in the episode (none when it was answered fewer than twice).
     */
    public static TalkingTherapiesOutcome of(int contacts, @Nullable Change depression, @Nullable Change anxiety) {
        if (contacts < FINISHED_AFTER_CONTACTS) {
            return without(Standing.NOT_FINISHED, contacts);
        }
        if (depression == null || anxiety == null) {
            return without(Standing.NO_PAIRED_SCORES, contacts);
        }
        Change.Paired paired = Change.Paired.of(depression, anxiety);
        boolean applies = paired.caseAtFirst();
        return new TalkingTherapiesOutcome(
                Standing.MEASURED,
                contacts,
                new Scores(depression.first(), anxiety.first()),
                new Scores(depression.last(), anxiety.last()),
                paired.caseAtFirst(),
                paired.caseAtLast(),
                applies ? recovered(paired.recovery()) : Recovery.NOT_A_CASE_AT_START,
                paired.reliableImprovement(),
                paired.reliableDeterioration(),
                applies ? recovered(paired.reliableRecovery()) : Recovery.NOT_A_CASE_AT_START);
    }

    /** The outcome in words, as the caseload, the client's charts and the episode summary say it. */
    public String summary() {
        return switch (standing) {
            case NOT_FINISHED ->
                "Not finished a course of treatment: " + contacts() + " (" + FINISHED_AFTER_CONTACTS + " needed)";
            case NO_PAIRED_SCORES -> "No paired scores: PHQ-9 and GAD-7 each need a first and a last score";
            case MEASURED -> measured();
        };
    }

    private String measured() {
        if (recovery == Recovery.NOT_A_CASE_AT_START) {
            return "Not a case at the start; " + movement();
        }
        if (reliableRecovery == Recovery.RECOVERED) {
            return "Reliable recovery";
        }
        return (recovery == Recovery.RECOVERED ? "Recovered; " : "Not recovered; ") + movement();
    }

    private String movement() {
        return Boolean.TRUE.equals(reliableImprovement)
                ? "reliable improvement"
                : Boolean.TRUE.equals(reliableDeterioration) ? "reliable deterioration" : "no reliable change";
    }

    private String contacts() {
        return switch (attendedTreatmentContacts) {
            case 0 -> "no attended treatment contacts";
            case 1 -> "1 attended treatment contact";
            default -> attendedTreatmentContacts + " attended treatment contacts";
        };
    }

    private static Recovery recovered(boolean recovered) {
        return recovered ? Recovery.RECOVERED : Recovery.NOT_RECOVERED;
    }

    private static TalkingTherapiesOutcome without(Standing standing, int contacts) {
        return new TalkingTherapiesOutcome(standing, contacts, null, null, null, null, null, null, null, null);
    }
}
