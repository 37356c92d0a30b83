package org.trackwell.outcomes.internal;

import org.jspecify.annotations.Nullable;

/**
 * How a client's scores on one measure moved from the first to the last, in the NHS Talking
 * Therapies terms (the Manual, "Outcome measurement"): caseness at each end, reliable improvement
 * or deterioration by at least the measure's reliable change threshold, recovery (a case at the
 * first score and not at the last) and reliable recovery (both). The percentage change is the
 * figure practitioners are used to; the reliable change is the standard.
 */
public record Change(
        double first,
        double last,
        @Nullable Boolean caseAtFirst,
        @Nullable Boolean caseAtLast,
        boolean reliableImprovement,
        boolean reliableDeterioration,
        boolean recovery,
        boolean reliableRecovery,
        @Nullable Double percentImprovement,
        Light light) {

    /** The caseload's traffic light: green improved reliably, red deteriorated reliably. */
    public enum Light {
        GREEN,
        AMBER,
        RED
    }

    public static Change between(Measure measure, double first, double last) {
        double improvement = measure.higherIsWorse() ? first - last : last - first;
        Double threshold = measure.reliableChange();
        boolean improved = threshold != null && improvement >= threshold;
        boolean deteriorated = threshold != null && -improvement >= threshold;
        Measure.Caseness caseness = measure.caseness();
        Boolean caseAtFirst = caseness == null ? null : caseness.isCase(first);
        Boolean caseAtLast = caseness == null ? null : caseness.isCase(last);
        boolean recovery = Boolean.TRUE.equals(caseAtFirst) && Boolean.FALSE.equals(caseAtLast);
        Double percent = first == 0 ? null : Math.round(improvement / Math.abs(first) * 1000) / 10.0;
        return new Change(
                first,
                last,
                caseAtFirst,
                caseAtLast,
                improved,
                deteriorated,
                recovery,
                recovery && improved,
                percent,
                improved ? Light.GREEN : deteriorated ? Light.RED : Light.AMBER);
    }

    /**
     * The paired depression and anxiety outcome NHS Talking Therapies reports (PHQ-9 with GAD-7):
     * a case if either is at or above its cut-off; recovered if a case at the start and neither
     * is at the end; reliably improved if either improved reliably and neither deteriorated
     * reliably; reliably deteriorated if either deteriorated reliably and neither improved
     * reliably.
     */
    public record Paired(
            boolean caseAtFirst,
            boolean caseAtLast,
            boolean reliableImprovement,
            boolean reliableDeterioration,
            boolean recovery,
            boolean reliableRecovery) {

        public static Paired of(Change depression, Change anxiety) {
            boolean caseAtFirst =
                    Boolean.TRUE.equals(depression.caseAtFirst()) || Boolean.TRUE.equals(anxiety.caseAtFirst());
            boolean caseAtLast =
                    Boolean.TRUE.equals(depression.caseAtLast()) || Boolean.TRUE.equals(anxiety.caseAtLast());
            boolean improved = (depression.reliableImprovement() || anxiety.reliableImprovement())
                    && !depression.reliableDeterioration()
                    && !anxiety.reliableDeterioration();
            boolean deteriorated = (depression.reliableDeterioration() || anxiety.reliableDeterioration())
                    && !depression.reliableImprovement()
                    && !anxiety.reliableImprovement();
            boolean recovery = caseAtFirst && !caseAtLast;
            return new Paired(caseAtFirst, caseAtLast, improved, deteriorated, recovery, recovery && improved);
        }
    }
}
