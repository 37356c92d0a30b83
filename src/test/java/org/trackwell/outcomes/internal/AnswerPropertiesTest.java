package org.trackwell.outcomes.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Answers to every built-in measure as a client link or a practitioner might send them: item ids
 * known or not, any whole number or none. Each set is scored or refused, never anything else, and
 * a score stays within the measure's scale.
 */
class AnswerPropertiesTest {

    private static final List<Measure> CATALOGUE = MeasureDefinitions.builtIn();

    @Property(tries = 3000)
    void anyAnswersAreScoredWithinTheScaleOrRefused(@ForAll("answered") Answered answered) {
        Measure measure = answered.measure();
        try {
            Score score = measure.score(answered.answers());
            if (score.scored()) {
                assertThat(score.total()).isBetween(measure.lowestTotal(), measure.highestTotal());
                assertThat(score.missingItems().size())
                        .isLessThanOrEqualTo(measure.total().maxMissing());
            } else {
                assertThat(score.reasonNotScored()).isNotBlank();
            }
        } catch (AnswersInvalid refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
    }

    @Property
    void answersFromTheOptionsToEveryItemAlwaysScore(@ForAll("complete") Answered answered) {
        Score score = answered.measure().score(answered.answers());
        assertThat(score.scored()).isTrue();
        assertThat(score.prorated()).isFalse();
        assertThat(score.total())
                .isBetween(answered.measure().lowestTotal(), answered.measure().highestTotal());
    }

    record Answered(Measure measure, Map<String, Integer> answers) {}

    @Provide
    Arbitrary<Answered> answered() {
        return Arbitraries.of(CATALOGUE).flatMap(measure -> {
            Arbitrary<String> items = Arbitraries.oneOf(
                    Arbitraries.of(
                            measure.items().stream().map(Measure.Item::id).toList()),
                    Arbitraries.strings().ofMaxLength(5));
            Arbitrary<Integer> values = Arbitraries.oneOf(
                    Arbitraries.integers().between(-2, 6), Arbitraries.integers(), Arbitraries.just(null));
            return Arbitraries.maps(items, values)
                    .ofMaxSize(measure.items().size() + 2)
                    .map(answers -> new Answered(measure, new HashMap<>(answers)));
        });
    }

    @Provide
    Arbitrary<Answered> complete() {
        return Arbitraries.of(CATALOGUE).flatMap(measure -> {
            List<Arbitrary<Integer>> perItem = measure.items().stream()
                    .map(item -> Arbitraries.of(item.optionsIn(measure).stream()
                            .map(Measure.Option::score)
                            .toList()))
                    .toList();
            return Combinators.combine(perItem).as(scores -> {
                Map<String, Integer> answers = new HashMap<>();
                for (int i = 0; i < scores.size(); i++) {
                    answers.put(measure.items().get(i).id(), scores.get(i));
                }
                return new Answered(measure, answers);
            });
        });
    }
}
