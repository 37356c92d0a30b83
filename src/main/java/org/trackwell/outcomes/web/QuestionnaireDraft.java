package org.trackwell.outcomes.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.trackwell.outcomes.internal.Measure;
import tools.jackson.databind.json.JsonMapper;

/**
 * A questionnaire as the builder page shows it: plain lines a person can type. Options are
 * "label = score", items one per line (starting "R:" when reverse-scored), bands "from = label".
 */
record QuestionnaireDraft(
        String id,
        String title,
        String stem,
        String options,
        String items,
        String bands,
        String cutOff,
        boolean higherIsWorse,
        String maxMissing) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static QuestionnaireDraft blank() {
        return new QuestionnaireDraft(
                "", "", "", "Not at all = 0\nSometimes = 1\nOften = 2\nAlways = 3", "", "0 = Low\n", "", true, "0");
    }

    static QuestionnaireDraft of(Measure m) {
        return new QuestionnaireDraft(
                m.id(),
                m.title(),
                m.stem() == null ? "" : m.stem(),
                m.options().stream().map(o -> o.label() + " = " + o.score()).collect(Collectors.joining("\n")),
                m.items().stream()
                        .map(i -> (i.reverse() ? "R: " : "") + i.text())
                        .collect(Collectors.joining("\n")),
                m.bands().stream().map(b -> plain(b.from()) + " = " + b.label()).collect(Collectors.joining("\n")),
                m.caseness() == null || m.caseness().atOrAbove() == null
                        ? ""
                        : plain(m.caseness().atOrAbove()),
                m.higherIsWorse(),
                Integer.toString(m.total().maxMissing()));
    }

    static QuestionnaireDraft from(Map<String, String> form) {
        return new QuestionnaireDraft(
                form.getOrDefault("id", "").strip(),
                form.getOrDefault("title", "").strip(),
                form.getOrDefault("stem", "").strip(),
                form.getOrDefault("options", ""),
                form.getOrDefault("items", ""),
                form.getOrDefault("bands", ""),
                form.getOrDefault("cutOff", "").strip(),
                "true".equals(form.get("higherIsWorse")),
                form.getOrDefault("maxMissing", "").strip());
    }

    /** The definition in the measure file format, for the catalogue to check and store. */
    String toDefinition() {
        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("id", id);
        definition.put("version", 1);
        definition.put("title", title);
        definition.put("stem", stem.isBlank() ? null : stem);
        definition.put("higherIsWorse", higherIsWorse);
        List<Map<String, Object>> optionList = new ArrayList<>();
        for (String[] pair : pairs(options)) {
            optionList.add(Map.of("label", pair[0], "score", whole(pair[1])));
        }
        definition.put("options", optionList);
        List<Map<String, Object>> itemList = new ArrayList<>();
        for (String line : MeasureAdminPages.split(items, "\n")) {
            boolean reverse = line.startsWith("R:");
            itemList.add(Map.of(
                    "id",
                    Integer.toString(itemList.size() + 1),
                    "text",
                    reverse ? line.substring(2).strip() : line,
                    "reverse",
                    reverse));
        }
        definition.put("items", itemList);
        int missing = maxMissing.isEmpty() ? 0 : whole(maxMissing);
        definition.put(
                "total", Map.of("method", "SUM", "maxMissing", missing, "prorate", missing > 0, "multiplier", 1));
        List<Map<String, Object>> bandList = new ArrayList<>();
        for (String[] pair : pairs(bands)) {
            bandList.add(Map.of("from", whole(pair[0]), "label", pair[1]));
        }
        definition.put("bands", bandList);
        definition.put("caseness", cutOff.isBlank() ? null : Map.of("atOrAbove", whole(cutOff)));
        definition.put(
                "licence",
                Map.of(
                        "name", "The service's own questionnaire",
                        "commercialUse", true,
                        "modification", true,
                        "permissionNeeded", false));
        definition.put("citation", "Built by the service in Trackwell.");
        return JSON.writeValueAsString(definition);
    }

    private static List<String[]> pairs(String lines) {
        List<String[]> pairs = new ArrayList<>();
        for (String line : MeasureAdminPages.split(lines, "\n")) {
            int equals = line.lastIndexOf('=');
            if (equals < 0) {
                pairs.add(new String[] {line, ""});
            } else {
                pairs.add(new String[] {
                    line.substring(0, equals).strip(),
                    line.substring(equals + 1).strip()
                });
            }
        }
        return pairs;
    }

    /** A number as typed; what is not a whole number becomes a value the catalogue's checks refuse. */
    private static int whole(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return Integer.MIN_VALUE;
        }
    }

    private static String plain(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
