package org.trackwell.outcomes.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressChartLabelsTest {

    @Test
    void labelsEverySessionWhileTheyFit() {
        assertThat(ProgressChart.labelled(6, ProgressChart.DATE_WIDTH)).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(ProgressChart.labelled(1, ProgressChart.DATE_WIDTH)).containsExactly(0);
        assertThat(ProgressChart.labelled(0, ProgressChart.DATE_WIDTH)).isEmpty();
    }

    @Test
    void thinsTheLabelsOfManyCloseSessionsSoThatNoneOverlap() {
        for (double width : new double[] {ProgressChart.DATE_WIDTH, ProgressChart.SCORE_WIDTH}) {
            for (int count = 2; count <= 400; count++) {
                List<Integer> shown = ProgressChart.labelled(count, width);
                assertThat(shown).first().isEqualTo(0);
                for (int i = 1; i < shown.size(); i++) {
                    double apart = ProgressChart.x(shown.get(i), count) - ProgressChart.x(shown.get(i - 1), count);
                    assertThat(apart).as("%d sessions", count).isGreaterThanOrEqualTo(width);
                }
                assertThat(shown).as("the same sessions every time").isEqualTo(ProgressChart.labelled(count, width));
            }
        }
    }

    @Test
    void movesApartTheLabelsOfLinesThatEndCloseTogetherKeepingTheirOrder() {
        List<Double> spread = ProgressChart.spread(List.of(101.0, 100.0, 200.0, 102.0), ProgressChart.LINE_HEIGHT);

        assertThat(spread).containsExactly(113.0, 100.0, 200.0, 126.0);
        assertThat(ProgressChart.spread(List.of(10.0, 50.0), ProgressChart.LINE_HEIGHT))
                .as("far enough apart already")
                .containsExactly(10.0, 50.0);
    }
}
