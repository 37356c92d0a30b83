package org.trackwell.outcomes.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NotOnTrackTest {

    private static final Measure PHQ9 = builtIn("PHQ-9");
    private static final Measure WHO5 = builtIn("WHO-5");
    private static final Measure WSAS = builtIn("WSAS");

    @Test
    void flagsAReliableDeteriorationFromTheThirdScoredSession() {
        assertThat(NotOnTrack.of(PHQ9, 10, 16, 2)).as("two sessions").isNull();
        assertThat(NotOnTrack.of(PHQ9, 10, 15, 3))
                .as("worse by 5: within error")
                .isNull();
        NotOnTrack flag = NotOnTrack.of(PHQ9, 10, 16, 3);
        assertThat(flag).isNotNull();
        assertThat(flag.reason())
                .isEqualTo("PHQ-9 is 6 points worse than at the start of this episode (10, now 16) after 3 scored"
                        + " sessions; 6 points is a reliable deterioration.");
    }

    @Test
    void readsWorseInTheMeasuresDirectionAndNeedsAReliableChangeThreshold() {
        assertThat(NotOnTrack.of(WHO5, 60, 48, 4)).as("WHO-5 falls when worse").isNotNull();
        assertThat(NotOnTrack.of(WHO5, 48, 60, 4)).isNull();
        assertThat(NotOnTrack.of(WSAS, 5, 35, 5))
                .as("WSAS has no reliable change threshold")
                .isNull();
    }

    private static Measure builtIn(String id) {
        return MeasureDefinitions.builtIn().stream()
                .filter(m -> m.id().equals(id))
                .findFirst()
                .orElseThrow();
    }
}
