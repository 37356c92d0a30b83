package org.trackwell.outcomes.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChartDrawingLabelsTest {

    @Test
    void labelsEverySessionWhileTheyFit() {
        assertThat(ChartDrawing.labelled(6, ChartDrawing.DATE_WIDTH)).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(ChartDrawing.labelled(1, ChartDrawing.DATE_WIDTH)).containsExactly(0);
        assertThat(ChartDrawing.labelled(0, ChartDrawing.DATE_WIDTH)).isEmpty();
    }

    @Test
    void thinsTheLabelsOfManyCloseSessionsSoThatNoneOverlap() {
        for (double width : new double[] {ChartDrawing.DATE_WIDTH, ChartDrawing.SCORE_WIDTH}) {
            for (int count = 2; count <= 400; count++) {
                List<Integer> shown = ChartDrawing.labelled(count, width);
                assertThat(shown).first().isEqualTo(0);
                for (int i = 1; i < shown.size(); i++) {
                    double apart = ChartDrawing.x(shown.get(i), count) - ChartDrawing.x(shown.get(i - 1), count);
                    assertThat(apart).as("%d sessions", count).isGreaterThanOrEqualTo(width);
                }
                assertThat(shown).as("the same sessions every time").isEqualTo(ChartDrawing.labelled(count, width));
            }
        }
    }

    @Test
    void movesApartTheLabelsOfLinesThatEndCloseTogetherKeepingTheirOrder() {
        List<Double> spread = ChartDrawing.spread(List.of(101.0, 100.0, 200.0, 102.0), ChartDrawing.LINE_HEIGHT);

        assertThat(spread).containsExactly(113.0, 100.0, 200.0, 126.0);
        assertThat(ChartDrawing.spread(List.of(10.0, 50.0), ChartDrawing.LINE_HEIGHT))
                .as("far enough apart already")
                .containsExactly(10.0, 50.0);
    }
}
