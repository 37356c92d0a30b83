package org.trackwell.outcomes.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Reads and writes measure definitions in their file format, and loads the built-in ones. */
public final class MeasureDefinitions {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private MeasureDefinitions() {}

    /** Every built-in definition, checked: a broken file stops the service from starting. */
    public static List<Measure> builtIn() {
        List<Measure> measures = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try {
            for (Resource file :
                    new PathMatchingResourcePatternResolver().getResources("classpath*:outcomes/measures/*.json")) {
                try (InputStream in = file.getInputStream()) {
                    Measure measure = JSON.readValue(in, Measure.class);
                    problems.addAll(MeasureRules.problems(measure));
                    measures.add(measure);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Built-in measure definitions are invalid: " + problems);
        }
        if (measures.stream().map(Measure::id).distinct().count() != measures.size()) {
            throw new IllegalStateException("Two built-in measure definitions share an id");
        }
        measures.sort(Comparator.comparing(Measure::id));
        return List.copyOf(measures);
    }

    /** A definition from its file format; anything malformed or unusable is refused with reasons. */
    public static Measure parse(String json) {
        Measure measure;
        try {
            measure = JSON.readValue(json, Measure.class);
        } catch (JacksonException e) {
            String field = e.getPath().stream()
                    .map(step -> step.getPropertyName() != null
                            ? step.getPropertyName()
                            : Integer.toString(step.getIndex() + 1))
                    .collect(java.util.stream.Collectors.joining(" > "));
            String where = field.isEmpty() ? "" : " at " + field;
            throw new DefinitionInvalid(List.of("The definition is not in the measure file format" + where + "."));
        }
        List<String> problems = MeasureRules.problems(measure);
        if (!problems.isEmpty()) {
            throw new DefinitionInvalid(problems);
        }
        return measure;
    }

    public static String write(Measure measure) {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(measure);
    }
}
