package org.trackwell.outcomes.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trackwell.outcomes.internal.Measure.Item;
import org.trackwell.outcomes.internal.Measure.Option;
import org.trackwell.outcomes.internal.Measure.Total.Method;

/** Scores answers by a measure's definition, exactly as its manual describes. */
final class Scoring {

    private Scoring() {}

    /**
     * Answers are the scores of the options chosen, keyed by item id; an item left out is missing.
     * Answers that are not one of an item's options are refused.
     */
    static Score score(Measure measure, Map<String, Integer> answers) {
        requireKnownAnswers(measure, answers);
        Map<String, Integer> itemScores = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (Item item : measure.items()) {
            Integer answer = answers.get(item.id());
            if (answer == null) {
                missing.add(item.id());
            } else {
                itemScores.put(item.id(), item.reverse() ? reversed(measure, item, answer) : answer);
            }
        }
        List<String> risks = new ArrayList<>();
        for (Measure.RiskItem risk : measure.riskItems()) {
            Integer answer = answers.get(risk.item());
            if (answer != null && answer > risk.above()) {
                risks.add(risk.message());
            }
        }
        Map<String, Double> subscales = new LinkedHashMap<>();
        for (Measure.Subscale subscale : measure.subscales()) {
            if (subscale.items().stream().allMatch(itemScores::containsKey)) {
                subscales.put(subscale.id(), (double)
                        subscale.items().stream().mapToInt(itemScores::get).sum());
            }
        }
        Measure.Total rule = measure.total();
        if (missing.size() > rule.maxMissing() || (!missing.isEmpty() && !rule.prorate())) {
            String reason = missing.size() == 1
                    ? "One item is unanswered; " + measure.id() + " cannot be scored with it missing."
                    : missing.size() + " items are unanswered; " + measure.id() + " allows at most " + rule.maxMissing()
                            + ".";
            return new Score(null, null, null, subscales, missing, false, risks, reason);
        }
        double total = total(measure, itemScores);
        Measure.Band band = measure.bandOf(total);
        return new Score(
                total,
                band == null ? null : band.label(),
                measure.caseness() == null ? null : measure.caseness().isCase(total),
                subscales,
                missing,
                !missing.isEmpty(),
                risks,
                null);
    }

    private static double total(Measure measure, Map<String, Integer> itemScores) {
        Measure.Total rule = measure.total();
        double sum = itemScores.values().stream().mapToInt(Integer::intValue).sum();
        double answered = itemScores.size();
        double value = rule.method() == Method.MEAN
                ? round(sum / answered, 2)
                : itemScores.size() == measure.items().size()
                        ? sum
                        // Prorated: the mean of the answered items times the number of items,
                        // rounded half up to a whole score as the scale reports.
                        : round(sum / answered * measure.items().size(), 0);
        return value * rule.multiplier();
    }

    private static double round(double value, int places) {
        return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP).doubleValue();
    }

    private static int reversed(Measure measure, Item item, int answer) {
        List<Option> options = item.optionsIn(measure);
        int lowest = options.stream().mapToInt(Option::score).min().orElse(0);
        int highest = options.stream().mapToInt(Option::score).max().orElse(0);
        return lowest + highest - answer;
    }

    private static void requireKnownAnswers(Measure measure, Map<String, Integer> answers) {
        for (Map.Entry<String, Integer> answer : answers.entrySet()) {
            Item item = measure.items().stream()
                    .filter(candidate -> candidate.id().equals(answer.getKey()))
                    .findFirst()
                    .orElseThrow(() -> new AnswersInvalid(measure.id() + " has no item " + answer.getKey() + "."));
            if (answer.getValue() != null
                    && item.optionsIn(measure).stream().noneMatch(o -> o.score() == answer.getValue())) {
                throw new AnswersInvalid(
                        measure.id() + " item " + item.id() + " has no answer scoring " + answer.getValue() + ".");
            }
        }
    }

    /** The lowest or highest total the measure can give. */
    static double bound(Measure measure, boolean highest) {
        double sum = 0;
        for (Item item : measure.items()) {
            var scores = item.optionsIn(measure).stream().mapToInt(Option::score);
            sum += highest ? scores.max().orElse(0) : scores.min().orElse(0);
        }
        double value =
                measure.total().method() == Method.MEAN ? sum / measure.items().size() : sum;
        return value * measure.total().multiplier();
    }
}
