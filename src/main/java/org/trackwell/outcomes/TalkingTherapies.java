package org.trackwell.outcomes;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.trackwell.outcomes.internal.CatalogueEntry;
import org.trackwell.outcomes.internal.Change;
import org.trackwell.outcomes.internal.Measure;
import org.trackwell.outcomes.internal.MeasureCatalogue;
import org.trackwell.outcomes.internal.TalkingTherapiesOutcome;
import org.trackwell.outcomes.internal.TalkingTherapiesOutcome.Recovery;
import org.trackwell.outcomes.internal.TalkingTherapiesOutcome.Standing;

/**
 * The NHS Talking Therapies outcome of an episode, for reports that compute first and last scores
 * themselves: the same definitions (docs/outcomes.md) that the client's page and the caseload use,
 * with the tenant's measures and session types.
 */
@Component
public class TalkingTherapies {

    public static final String DEPRESSION = TalkingTherapiesOutcome.DEPRESSION;
    public static final String ANXIETY = TalkingTherapiesOutcome.ANXIETY;

    private final MeasureCatalogue catalogue;

    TalkingTherapies(MeasureCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** A measure's first and last score in an episode that was scored on it at least twice. */
    public record FirstAndLast(double first, double last) {}

    /**
     * @param finished at least two attended treatment contacts
     * @param measured finished, with paired PHQ-9 and GAD-7 scores: the other figures apply
     * @param summary the outcome in words, as the client's page says it
     */
    public record EpisodeOutcome(
            boolean finished,
            boolean measured,
            boolean caseAtStart,
            boolean recovered,
            boolean reliableImprovement,
            boolean reliableDeterioration,
            boolean reliableRecovery,
            String summary) {}

    /** A measure the service uses, by its id and title. */
    public record MeasureName(String id, String title) {}

    /**
     * The definitions as the tenant has set them, read once for a whole report: the outcome of
     * each episode then costs no query.
     */
    public Definitions definitions() {
        return new Definitions(measure(DEPRESSION), measure(ANXIETY));
    }

    /** The outcome of episodes by the tenant's PHQ-9 and GAD-7 definitions. */
    public static final class Definitions {

        private final Measure depression;
        private final Measure anxiety;

        private Definitions(Measure depression, Measure anxiety) {
            this.depression = depression;
            this.anxiety = anxiety;
        }

        public EpisodeOutcome of(
                int treatmentContacts, @Nullable FirstAndLast depressionScores, @Nullable FirstAndLast anxietyScores) {
            TalkingTherapiesOutcome outcome = TalkingTherapiesOutcome.of(
                    treatmentContacts, change(depression, depressionScores), change(anxiety, anxietyScores));
            return new EpisodeOutcome(
                    outcome.standing() != Standing.NOT_FINISHED,
                    outcome.standing() == Standing.MEASURED,
                    Boolean.TRUE.equals(outcome.caseAtStart()),
                    outcome.recovery() == Recovery.RECOVERED,
                    Boolean.TRUE.equals(outcome.reliableImprovement()),
                    Boolean.TRUE.equals(outcome.reliableDeterioration()),
                    outcome.reliableRecovery() == Recovery.RECOVERED,
                    outcome.summary());
        }

        private static @Nullable Change change(Measure measure, @Nullable FirstAndLast scores) {
            return scores == null ? null : Change.between(measure, scores.first(), scores.last());
        }
    }

    /** The session types whose attended sessions are treatment contacts. */
    public List<String> treatmentTypes() {
        return catalogue.treatmentTypes();
    }

    /** The measures the service has turned on, for choosing one. */
    public List<MeasureName> measures() {
        return catalogue.entries().stream()
                .filter(CatalogueEntry::enabled)
                .map(entry ->
                        new MeasureName(entry.measure().id(), entry.measure().title()))
                .toList();
    }

    private Measure measure(String id) {
        return catalogue.find(id).orElseThrow(() -> new IllegalStateException(id + " is built in"));
    }
}
