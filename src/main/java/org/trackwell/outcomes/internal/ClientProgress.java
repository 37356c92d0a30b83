package org.trackwell.outcomes.internal;

import java.util.List;

/**
 * A client's progress, episode by episode: the current one (open, else the latest) first, each
 * with its measures, the primary measure first.
 */
public record ClientProgress(String primaryMeasure, List<EpisodeProgress> episodes) {

    public ClientProgress {
        episodes = List.copyOf(episodes);
    }

    /** The current episode's measures: what a client's own chart link shows. */
    public List<MeasureProgress> currentMeasures() {
        return episodes.isEmpty() ? List.of() : episodes.getFirst().measures();
    }
}
