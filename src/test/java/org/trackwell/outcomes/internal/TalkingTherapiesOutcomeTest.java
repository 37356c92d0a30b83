package org.trackwell.outcomes.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trackwell.outcomes.TalkingTherapiesFixture;

/** The NHS Talking Therapies outcome against the hand-computed episodes, without the application. */
class TalkingTherapiesOutcomeTest {

    private static final Measure PHQ9 = builtIn("PHQ-9");
    private static final Measure GAD7 = builtIn("GAD-7");

    @Test
    void everyHandComputedEpisodeComesOutAsWorkedOut() {
        List<TalkingTherapiesFixture> fixture = TalkingTherapiesFixture.episodes();
        assertThat(fixture).hasSizeGreaterThanOrEqualTo(50);
        List<String> mismatches = new ArrayList<>();
        for (TalkingTherapiesFixture episode : fixture) {
            TalkingTherapiesOutcome outcome = TalkingTherapiesOutcome.of(
                    episode.attendedTreatmentContacts(),
                    episode.phq9Last() == null ? null : Change.between(PHQ9, episode.phq9First(), episode.phq9Last()),
                    episode.gad7Last() == null ? null : Change.between(GAD7, episode.gad7First(), episode.gad7Last()));
            List<Object> expected = List.of(
                    episode.standing(),
                    String.valueOf(episode.caseAtStart()),
                    String.valueOf(episode.recovery()),
                    String.valueOf(episode.reliableImprovement()),
                    String.valueOf(episode.reliableDeterioration()),
                    String.valueOf(episode.reliableRecovery()));
            List<Object> actual = List.of(
                    outcome.standing().name(),
                    String.valueOf(outcome.caseAtStart()),
                    String.valueOf(outcome.recovery()),
                    String.valueOf(outcome.reliableImprovement()),
                    String.valueOf(outcome.reliableDeterioration()),
                    String.valueOf(outcome.reliableRecovery()));
            if (!expected.equals(actual)) {
                mismatches.add(episode + ": expected " + expected + " but was " + actual);
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void saysTheOutcomeInWords() {
        assertThat(TalkingTherapiesOutcome.of(3, Change.between(PHQ9, 15, 5), Change.between(GAD7, 12, 4))
                        .summary())
                .isEqualTo("Reliable recovery");
        assertThat(TalkingTherapiesOutcome.of(2, Change.between(PHQ9, 11, 5), Change.between(GAD7, 3, 7))
                        .summary())
                .isEqualTo("Recovered; no reliable change");
        assertThat(TalkingTherapiesOutcome.of(2, Change.between(PHQ9, 9, 3), Change.between(GAD7, 7, 2))
                        .summary())
                .isEqualTo("Not a case at the start; reliable improvement");
        assertThat(TalkingTherapiesOutcome.of(1, null, null).summary())
                .isEqualTo("Not finished a course of treatment: 1 attended treatment contact (2 needed)");
        assertThat(TalkingTherapiesOutcome.of(2, Change.between(PHQ9, 12, 6), null)
                        .summary())
                .startsWith("No paired scores");
    }

    private static Measure builtIn(String id) {
        return MeasureDefinitions.builtIn().stream()
                .filter(m -> m.id().equals(id))
                .findFirst()
                .orElseThrow();
    }
}
