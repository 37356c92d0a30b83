package org.trackwell.outcomes.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.trackwell.outcomes.internal.AnswersInvalid;
import org.trackwell.outcomes.internal.DefinitionInvalid;
import org.trackwell.outcomes.internal.Measure;
import org.trackwell.outcomes.internal.MeasureDefinitions;

/**
 * The outcome forms as a browser might post them: answers typed as anything, and the
 * questionnaire builder's lines with any text, numbers of any size and scores that are not
 * numbers. Each is read or refused with reasons, never anything else.
 */
class OutcomeFormsPropertiesTest {

    @Property(tries = 2000)
    void answersAreReadAsWholeNumbersOrRefused(@ForAll("answerForms") Map<String, String> form) {
        try {
            Map<String, Integer> answers = SessionPages.answers(form, "item.");
            assertThat(answers.keySet()).allSatisfy(item -> assertThat(form).containsKey("item." + item));
        } catch (AnswersInvalid refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
    }

    @Property(tries = 2000)
    void theBuildersLinesMakeAUsableQuestionnaireOrAreRefused(@ForAll("builderForms") Map<String, String> form) {
        try {
            Measure measure =
                    MeasureDefinitions.parse(QuestionnaireDraft.from(form).toDefinition());
            assertThat(measure.items()).isNotEmpty();
        } catch (DefinitionInvalid refused) {
            assertThat(refused.details()).isNotEmpty();
        }
    }

    @Provide
    Arbitrary<Map<String, String>> answerForms() {
        return Arbitraries.maps(
                        Arbitraries.oneOf(
                                Arbitraries.strings().ofMaxLength(4).map(item -> "item." + item),
                                Arbitraries.strings().ofMaxLength(8)),
                        Arbitraries.oneOf(numberish(), Arbitraries.strings().ofMaxLength(12)))
                .ofMaxSize(12);
    }

    @Provide
    Arbitrary<Map<String, String>> builderForms() {
        Arbitrary<String> line = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(15),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(10),
                Arbitraries.strings()
                        .alpha()
                        .ofMinLength(1)
                        .ofMaxLength(8)
                        .flatMap(label -> numberish().map(n -> label + " = " + n)),
                numberish()
                        .flatMap(n ->
                                Arbitraries.strings().alpha().ofMaxLength(8).map(label -> n + " = " + label)),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(10).map(text -> "R: " + text));
        Arbitrary<String> lines = line.list().ofMaxSize(8).map(list -> String.join("\n", list));
        return Arbitraries.maps(
                        Arbitraries.of(
                                "id",
                                "title",
                                "stem",
                                "options",
                                "items",
                                "bands",
                                "cutOff",
                                "maxMissing",
                                "higherIsWorse"),
                        Arbitraries.oneOf(
                                lines, numberish(), Arbitraries.strings().ofMaxLength(45)))
                .ofMaxSize(9)
                .map(HashMap::new);
    }

    private static Arbitrary<String> numberish() {
        return Arbitraries.oneOf(
                Arbitraries.integers().map(Object::toString),
                Arbitraries.integers().between(-5, 30).map(Object::toString),
                Arbitraries.of("", " ", "1.5", "1e3", "-0", "+3", "٣", "99999999999", "NaN", " 7 ", "0x10"));
    }
}
