package org.trackwell.outcomes;

import java.util.List;

/** A client's progress: each measure's scores and change, with the primary measure first. */
public record ClientProgress(String primaryMeasure, List<MeasureProgress> measures) {

    public ClientProgress {
        measures = List.copyOf(measures);
    }
}
