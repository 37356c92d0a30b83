package org.trackwell.outcomes.internal;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A measure's result. {@code total} is absent when the manual's rule for missing items says the
 * measure cannot be scored; {@code reasonNotScored} then says why.
 */
public record Score(
        @Nullable Double total,
        @Nullable String band,
        @Nullable Boolean isCase,
        Map<String, Double> subscales,
        List<String> missingItems,
        boolean prorated,
        List<String> risks,
        @Nullable String reasonNotScored) {

    public Score {
        subscales = Map.copyOf(subscales);
        missingItems = List.copyOf(missingItems);
        risks = List.copyOf(risks);
    }

    public boolean scored() {
        return total != null;
    }
}
