package org.trackwell.outcomes.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.trackwell.outcomes.internal.Measure.Band;
import org.trackwell.outcomes.internal.Measure.Item;
import org.trackwell.outcomes.internal.Measure.Option;

/**
 * What makes a definition usable: every item answerable, bands that start at the lowest possible
 * total and rise, thresholds inside the scale, risk items and subscales that name real items, and
 * a licence. Built-in definitions are checked at start-up; imported ones before they are saved.
 */
final class MeasureRules {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,39}");

    private MeasureRules() {}

    static List<String> problems(Measure measure) {
        List<String> problems = new ArrayList<>();
        if (measure.id() == null || !ID.matcher(measure.id()).matches()) {
            problems.add("The id must be 1 to 40 letters, digits or hyphens.");
            return problems;
        }
        String name = measure.id();
        if (measure.version() < 1) {
            problems.add(name + ": the version must be 1 or more.");
        }
        if (blank(measure.title())) {
            problems.add(name + ": a title is needed.");
        }
        if (measure.licence() == null || blank(measure.licence().name())) {
            problems.add(name + ": the licence must be recorded.");
        }
        if (measure.items().isEmpty()) {
            problems.add(name + ": a measure needs at least one item.");
        }
        Set<String> itemIds = new HashSet<>();
        for (Item item : measure.items()) {
            if (item == null || blank(item.id()) || blank(item.text())) {
                problems.add(name + ": every item needs an id and text.");
                continue;
            }
            if (!itemIds.add(item.id())) {
                problems.add(name + ": item " + item.id() + " appears twice.");
            }
            List<Option> options = item.optionsIn(measure);
            if (options.size() < 2) {
                problems.add(name + ": item " + item.id() + " needs at least two response options.");
            }
            if (options.stream().anyMatch(o -> o == null || blank(o.label()))) {
                problems.add(name + ": item " + item.id() + " has an option without a label.");
            } else if (options.stream().anyMatch(o -> o.score() < -100 || o.score() > 1000)) {
                problems.add(name + ": item " + item.id()
                        + " needs option scores that are whole numbers from -100 to 1000.");
            }
        }
        if (measure.total().maxMissing() < 0
                || measure.total().maxMissing() >= Math.max(1, measure.items().size())) {
            problems.add(name + ": the number of items that may be missing must be less than the number of items.");
        }
        for (Measure.Subscale subscale : measure.subscales()) {
            if (subscale.items() == null || subscale.items().isEmpty() || !itemIds.containsAll(subscale.items())) {
                problems.add(name + ": subscale " + subscale.id() + " must list items of this measure.");
            }
        }
        for (Measure.RiskItem risk : measure.riskItems()) {
            if (!itemIds.contains(risk.item()) || blank(risk.message())) {
                problems.add(name + ": a risk item must name an item of this measure and say what it means.");
            }
        }
        if (problems.isEmpty()) {
            problems.addAll(scaleProblems(measure));
        }
        return problems;
    }

    private static List<String> scaleProblems(Measure measure) {
        List<String> problems = new ArrayList<>();
        String name = measure.id();
        double lowest = measure.lowestTotal();
        double highest = measure.highestTotal();
        List<Band> bands = measure.bands();
        if (!bands.isEmpty() && bands.getFirst().from() != lowest) {
            problems.add(name + ": the first band must start at the lowest possible total, " + plain(lowest) + ".");
        }
        for (int i = 1; i < bands.size(); i++) {
            if (bands.get(i).from() <= bands.get(i - 1).from() || bands.get(i).from() > highest) {
                problems.add(name + ": bands must rise and start within the scale (" + plain(lowest) + " to "
                        + plain(highest) + ").");
            }
        }
        if (bands.stream().anyMatch(b -> blank(b.label()))) {
            problems.add(name + ": every band needs a label.");
        }
        Measure.Caseness caseness = measure.caseness();
        if (caseness != null) {
            double line = caseness.line();
            if ((caseness.atOrAbove() == null) == (caseness.atOrBelow() == null) || line < lowest || line > highest) {
                problems.add(name + ": the cut-off must be one bound within the scale.");
            }
        }
        Double reliable = measure.reliableChange();
        if (reliable != null && (reliable <= 0 || reliable > highest - lowest)) {
            problems.add(name + ": the reliable change threshold must be above zero and within the scale.");
        }
        return problems;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    static String plain(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
