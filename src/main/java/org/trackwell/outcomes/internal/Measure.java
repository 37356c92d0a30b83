package org.trackwell.outcomes.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A questionnaire as data: its items and response options, how it is scored, what its scores mean
 * and what its licence allows. Built-in definitions are resource files; tenants may import or
 * build their own in the same format. A definition never changes once used: an edit is a new
 * version.
 *
 * @param higherIsWorse whether a higher score means more difficulty (PHQ-9) rather than better
 *     wellbeing (WHO-5); change and caseness read in this direction
 * @param options the response options of every item that does not list its own
 * @param bands severity bands, each from its lower bound up to the next band's
 * @param caseness the clinical cut-off, if the measure has one
 * @param reliableChange the smallest change beyond measurement error, if the measure has one
 */
public record Measure(
        String id,
        int version,
        String title,
        @Nullable String stem,
        boolean higherIsWorse,
        List<Option> options,
        List<Item> items,
        Total total,
        List<Subscale> subscales,
        List<Band> bands,
        @Nullable Caseness caseness,
        @Nullable Double reliableChange,
        List<RiskItem> riskItems,
        Licence licence,
        String citation,
        List<String> sources) {

    /** Lists a definition file leaves out are empty; the rest is checked by {@link MeasureRules}. */
    public Measure {
        options = copy(options);
        items = copy(items);
        subscales = copy(subscales);
        bands = copy(bands);
        riskItems = copy(riskItems);
        sources = copy(sources);
        total = total == null ? new Total(Total.Method.SUM, 0, false, 1) : total;
    }

    private static <T> List<T> copy(@Nullable List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    /** One response option: what the person reads and the score it carries. */
    public record Option(String label, int score) {}

    /**
     * One question. {@code reverse} items are scored from the other end of their options, as the
     * measure's manual says.
     */
    public record Item(String id, String text, @Nullable List<Option> options, boolean reverse) {

        public List<Option> optionsIn(Measure measure) {
            return options == null || options.isEmpty() ? measure.options() : options;
        }
    }

    /**
     * How the total is made: the sum or mean of the item scores, times a multiplier (WHO-5 reports
     * its sum times four as a percentage); up to {@code maxMissing} items may be unanswered, and
     * then the total is prorated from the answered items if {@code prorate}, as the manual allows.
     */
    public record Total(Method method, int maxMissing, boolean prorate, double multiplier) {

        public Total {
            method = method == null ? Method.SUM : method;
            multiplier = multiplier == 0 ? 1 : multiplier;
        }

        public enum Method {
            SUM,
            MEAN
        }
    }

    /** A named part of the measure scored from some of its items. */
    public record Subscale(String id, String title, List<String> items) {}

    /** A severity band: scores from {@code from} up to the next band's lower bound. */
    public record Band(double from, String label) {}

    /** Scores at or above, or at or below, the cut-off are "cases" (in the clinical range). */
    public record Caseness(
            @Nullable Double atOrAbove, @Nullable Double atOrBelow) {

        public boolean isCase(double score) {
            return atOrAbove != null ? score >= atOrAbove : atOrBelow != null && score <= atOrBelow;
        }

        public double line() {
            return atOrAbove != null ? atOrAbove : atOrBelow == null ? 0 : atOrBelow;
        }
    }

    /** An item whose answer above {@code above} raises a risk flag for the client's team. */
    public record RiskItem(String item, int above, String message) {}

    /**
     * What the measure's licence allows.
     *
     * @param commercialUse whether a service that charges for its work may use it without a
     *     licence of its own
     * @param modification whether its wording or scoring may be changed
     * @param permissionNeeded whether every service must hold a licence from the owner
     * @param copyright the line to show wherever the measure is shown, if any
     */
    public record Licence(
            String name,
            boolean commercialUse,
            boolean modification,
            boolean permissionNeeded,
            @Nullable String copyright,
            @Nullable String url) {}

    /** The same measure as another version of its definition. */
    public Measure withVersion(int newVersion) {
        return new Measure(
                id,
                newVersion,
                title,
                stem,
                higherIsWorse,
                options,
                items,
                total,
                subscales,
                bands,
                caseness,
                reliableChange,
                riskItems,
                licence,
                citation,
                sources);
    }

    public Measure withCaseness(Caseness newCaseness) {
        return new Measure(
                id,
                version,
                title,
                stem,
                higherIsWorse,
                options,
                items,
                total,
                subscales,
                bands,
                newCaseness,
                reliableChange,
                riskItems,
                licence,
                citation,
                sources);
    }

    public Score score(java.util.Map<String, Integer> answers) {
        return Scoring.score(this, answers);
    }

    public double lowestTotal() {
        return Scoring.bound(this, false);
    }

    public double highestTotal() {
        return Scoring.bound(this, true);
    }

    public @Nullable Band bandOf(double total) {
        Band found = null;
        for (Band band : bands) {
            if (total >= band.from()) {
                found = band;
            }
        }
        return found;
    }
}
