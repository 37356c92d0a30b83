package org.trackwell.outcomes.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every built-in measure scored against its manual: worked examples, both sides of every band
 * boundary and cut-off, and the rules for missing items.
 */
class MeasureScoringTest {

    private static final Map<String, Measure> CATALOGUE =
            MeasureDefinitions.builtIn().stream().collect(java.util.stream.Collectors.toMap(Measure::id, m -> m));

    @Test
    void loadsEveryBuiltInMeasureWithItsLicence() {
        assertThat(CATALOGUE.keySet())
                .containsExactlyInAnyOrder(
                        "PHQ-9",
                        "GAD-7",
                        "PHQ-2",
                        "GAD-2",
                        "WSAS",
                        "WHO-5",
                        "K10",
                        "AUDIT",
                        "AUDIT-C",
                        "PCL-5",
                        "SESSION-FEEDBACK");
        CATALOGUE.values().forEach(m -> assertThat(m.licence().name()).isNotBlank());
        CATALOGUE.values().forEach(m -> assertThat(m.sources()).isNotEmpty());
    }

    @Test
    void scoresPhq9AsTheSumOfItsNineItemsWithKroenkeBands() {
        Measure phq9 = CATALOGUE.get("PHQ-9");
        Score score = phq9.score(answers(1, 2, 1, 3, 0, 1, 2, 0, 0));
        assertThat(score.total()).isEqualTo(10.0);
        assertThat(score.band()).isEqualTo("Moderate");
        assertThat(score.isCase()).isTrue();
        assertThat(phq9.lowestTotal()).isZero();
        assertThat(phq9.highestTotal()).isEqualTo(27.0);
        assertBands(phq9, Map.of(0, "Minimal", 4, "Minimal", 5, "Mild", 9, "Mild", 10, "Moderate", 14, "Moderate"));
        assertBands(phq9, Map.of(15, "Moderately severe", 19, "Moderately severe", 20, "Severe", 27, "Severe"));
        assertThat(scoreOf(phq9, 9).isCase())
                .as("NHS Talking Therapies caseness is 10 or more")
                .isFalse();
        assertThat(scoreOf(phq9, 10).isCase()).isTrue();
    }

    @Test
    void proratesPhq9WithOneItemMissingAndRefusesToScoreItWithTwo() {
        Measure phq9 = CATALOGUE.get("PHQ-9");
        Score one = phq9.score(answers(2, 2, 2, 2, 1, 1, 1, 1, null));
        assertThat(one.total())
                .as("12 over 8 items, times 9 = 13.5, rounded half up")
                .isEqualTo(14.0);
        assertThat(one.prorated()).isTrue();
        assertThat(one.missingItems()).containsExactly("9");
        assertThat(phq9.score(answers(3, 3, 3, 3, 3, 3, 3, 3, null)).total()).isEqualTo(27.0);
        assertThat(phq9.score(answers(1, 1, 1, 1, 1, 1, 1, 2, null)).total()).isEqualTo(10.0);

        Score two = phq9.score(answers(3, 3, 3, 3, 3, 3, 3, null, null));
        assertThat(two.scored()).isFalse();
        assertThat(two.band()).isNull();
        assertThat(two.reasonNotScored()).contains("2 items are unanswered");
    }

    @Test
    void raisesARiskFlagWhenPhq9Item9IsAboveZero() {
        Measure phq9 = CATALOGUE.get("PHQ-9");
        assertThat(phq9.score(answers(0, 0, 0, 0, 0, 0, 0, 0, 0)).risks()).isEmpty();
        assertThat(phq9.score(answers(0, 0, 0, 0, 0, 0, 0, 0, 1)).risks())
                .singleElement()
                .asString()
                .contains("item 9");
        assertThat(phq9.score(answers(0, 0, 0, 0, 0, 0, null, null, 2)).risks())
                .as("a risk answer counts even when the measure cannot be scored")
                .hasSize(1);
    }

    @Test
    void scoresGad7WithSpitzerBandsAndTheTalkingTherapiesCutOffOf8() {
        Measure gad7 = CATALOGUE.get("GAD-7");
        assertThat(gad7.score(answers(1, 1, 2, 1, 0, 2, 1)).total()).isEqualTo(8.0);
        assertThat(gad7.highestTotal()).isEqualTo(21.0);
        assertBands(gad7, Map.of(0, "Minimal", 4, "Minimal", 5, "Mild", 9, "Mild", 10, "Moderate"));
        assertBands(gad7, Map.of(14, "Moderate", 15, "Severe", 21, "Severe"));
        assertThat(scoreOf(gad7, 7).isCase()).isFalse();
        assertThat(scoreOf(gad7, 8).isCase()).isTrue();
        assertThat(gad7.score(answers(3, 3, 3, 2, 2, 2, null)).total())
                .as("15 / 6 * 7 = 17.5")
                .isEqualTo(18.0);
        assertThat(gad7.score(answers(3, 3, 3, 2, 2, null, null)).scored()).isFalse();
    }

    @Test
    void screensWithPhq2AndGad2AtThree() {
        for (String screener : List.of("PHQ-2", "GAD-2")) {
            Measure measure = CATALOGUE.get(screener);
            assertThat(measure.score(answers(1, 1)).isCase()).isFalse();
            assertThat(measure.score(answers(1, 2)).isCase()).isTrue();
            assertThat(measure.score(answers(3, 3)).total()).isEqualTo(6.0);
            assertThat(measure.score(answers(3, null)).scored())
                    .as("a two-item screener is not prorated")
                    .isFalse();
        }
    }

    @Test
    void scoresWsasWithMundtBands() {
        Measure wsas = CATALOGUE.get("WSAS");
        assertThat(wsas.score(answers(4, 2, 6, 3, 5)).total()).isEqualTo(20.0);
        assertThat(wsas.highestTotal()).isEqualTo(40.0);
        assertBands(wsas, Map.of(0, "Subclinical", 9, "Subclinical", 10, "Significant impairment"));
        assertBands(
                wsas,
                Map.of(
                        20,
                        "Significant impairment",
                        21,
                        "Moderately severe or worse",
                        40,
                        "Moderately severe or worse"));
        assertThat(wsas.score(answers(4, 2, 6, 3, null)).scored()).isFalse();
    }

    @Test
    void scoresWho5AsAPercentageWhereHigherIsBetter() {
        Measure who5 = CATALOGUE.get("WHO-5");
        Score score = who5.score(answers(3, 3, 3, 2, 2));
        assertThat(score.total()).as("raw 13 times 4").isEqualTo(52.0);
        assertThat(score.band()).isEqualTo("No indication of poor wellbeing");
        assertThat(score.isCase()).isFalse();
        assertThat(who5.score(answers(3, 3, 2, 2, 2)).total()).isEqualTo(48.0);
        assertThat(who5.score(answers(3, 3, 2, 2, 2)).isCase())
                .as("50 or below is poor wellbeing")
                .isTrue();
        assertThat(who5.score(answers(2, 2, 1, 1, 1)).band()).as("28").isEqualTo("Likely depression: screen further");
        assertThat(who5.score(answers(2, 2, 2, 1, 1)).band()).as("32").isEqualTo("Poor wellbeing");
        assertThat(who5.highestTotal()).isEqualTo(100.0);
    }

    @Test
    void scoresK10From10To50WithAndrewsAndSladeBands() {
        Measure k10 = CATALOGUE.get("K10");
        assertThat(k10.lowestTotal()).isEqualTo(10.0);
        assertThat(k10.highestTotal()).isEqualTo(50.0);
        assertBands(
                k10, Map.of(10, "Low distress", 15, "Low distress", 16, "Moderate distress", 21, "Moderate distress"));
        assertBands(
                k10,
                Map.of(22, "High distress", 29, "High distress", 30, "Very high distress", 50, "Very high distress"));
        assertThat(k10.score(answers(2, 2, 2, 2, 2, 2, 2, 2, 3, null)).total())
                .as("19 / 9 * 10 = 21.1")
                .isEqualTo(21.0);
        assertThat(k10.score(answers(2, 2, 2, 2, 2, 2, 2, 2, null, null)).scored())
                .isFalse();
        assertThatThrownBy(() -> k10.score(answers(0, 2, 2, 2, 2, 2, 2, 2, 2, 2)))
                .as("the K10 scores from 1")
                .isInstanceOf(AnswersInvalid.class);
    }

    @Test
    void scoresAuditWithWhoZonesAndItsTwoThreePointItems() {
        Measure audit = CATALOGUE.get("AUDIT");
        assertThat(audit.highestTotal()).isEqualTo(40.0);
        assertThat(audit.score(answers(2, 1, 1, 0, 0, 0, 1, 0, 2, 2)).total()).isEqualTo(9.0);
        assertBands(audit, Map.of(0, "Zone I: lower risk", 7, "Zone I: lower risk", 8, "Zone II: increasing risk"));
        assertBands(
                audit,
                Map.of(15, "Zone II: increasing risk", 16, "Zone III: higher risk", 19, "Zone III: higher risk"));
        assertBands(audit, Map.of(20, "Zone IV: possible dependence"));
        assertThatThrownBy(() -> audit.score(answers(0, 0, 0, 0, 0, 0, 0, 0, 1, 0)))
                .as("items 9 and 10 score 0, 2 or 4")
                .isInstanceOf(AnswersInvalid.class)
                .hasMessageContaining("item 9");
        Measure auditC = CATALOGUE.get("AUDIT-C");
        assertThat(auditC.score(answers(2, 1, 1)).isCase()).isFalse();
        assertThat(auditC.score(answers(2, 2, 1)).isCase()).isTrue();
        assertThat(auditC.highestTotal()).isEqualTo(12.0);
    }

    @Test
    void scoresPcl5WithItsFourSymptomClusters() {
        Measure pcl5 = CATALOGUE.get("PCL-5");
        Score score = pcl5.score(answers(2, 2, 2, 2, 2, 1, 1, 2, 2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1));
        assertThat(score.total()).isEqualTo(32.0);
        assertThat(score.isCase()).isFalse();
        assertThat(score.subscales())
                .containsExactlyInAnyOrderEntriesOf(Map.of("B", 10.0, "C", 2.0, "D", 14.0, "E", 6.0));
        assertThat(scoreOf(pcl5, 33).isCase()).isTrue();
        assertThat(pcl5.highestTotal()).isEqualTo(80.0);
    }

    @Test
    void scoresSessionFeedbackAsTheMeanOfItsAnswers() {
        Measure feedback = CATALOGUE.get("SESSION-FEEDBACK");
        assertThat(feedback.score(answers(8, 9, 7, 10)).total()).isEqualTo(8.5);
        assertThat(feedback.score(answers(8, 9, null, 10)).total()).isEqualTo(9.0);
    }

    @Test
    void refusesAnswersToItemsTheMeasureDoesNotHave() {
        assertThatThrownBy(() -> CATALOGUE.get("GAD-7").score(Map.of("8", 1))).isInstanceOf(AnswersInvalid.class);
    }

    @Test
    void measuresChangeInTalkingTherapiesTerms() {
        Measure phq9 = CATALOGUE.get("PHQ-9");
        Change recovered = Change.between(phq9, 15, 9);
        assertThat(recovered.reliableImprovement()).isTrue();
        assertThat(recovered.recovery()).isTrue();
        assertThat(recovered.reliableRecovery()).isTrue();
        assertThat(recovered.percentImprovement()).isEqualTo(40.0);
        assertThat(recovered.light()).isEqualTo(Change.Light.GREEN);

        Change justShort = Change.between(phq9, 15, 10);
        assertThat(justShort.reliableImprovement())
                .as("5 is under the threshold of 6")
                .isFalse();
        assertThat(justShort.recovery()).isFalse();
        assertThat(justShort.light()).isEqualTo(Change.Light.AMBER);

        Change recoveredNotReliably = Change.between(phq9, 12, 9);
        assertThat(recoveredNotReliably.recovery()).isTrue();
        assertThat(recoveredNotReliably.reliableRecovery()).isFalse();

        Change worse = Change.between(CATALOGUE.get("GAD-7"), 6, 10);
        assertThat(worse.reliableDeterioration()).isTrue();
        assertThat(worse.light()).isEqualTo(Change.Light.RED);
        assertThat(Change.between(CATALOGUE.get("GAD-7"), 6, 9).reliableDeterioration())
                .isFalse();

        Change wellbeing = Change.between(CATALOGUE.get("WHO-5"), 40, 52);
        assertThat(wellbeing.reliableImprovement())
                .as("higher is better on the WHO-5")
                .isTrue();
        assertThat(wellbeing.recovery()).isTrue();
    }

    @Test
    void pairsPhq9AndGad7AsTalkingTherapiesReportsRecovery() {
        Change depression = Change.between(CATALOGUE.get("PHQ-9"), 15, 9);
        Change.Paired stillAnxious = Change.Paired.of(depression, Change.between(CATALOGUE.get("GAD-7"), 9, 10));
        assertThat(stillAnxious.reliableImprovement()).isTrue();
        assertThat(stillAnxious.recovery()).as("GAD-7 still at or above 8").isFalse();

        Change.Paired both = Change.Paired.of(depression, Change.between(CATALOGUE.get("GAD-7"), 12, 5));
        assertThat(both.recovery()).isTrue();
        assertThat(both.reliableRecovery()).isTrue();

        Change.Paired mixed = Change.Paired.of(depression, Change.between(CATALOGUE.get("GAD-7"), 5, 12));
        assertThat(mixed.reliableImprovement()).isFalse();
        assertThat(mixed.reliableDeterioration()).isFalse();
    }

    private static void assertBands(Measure measure, Map<Integer, String> bandByTotal) {
        bandByTotal.forEach((total, band) -> assertThat(scoreOf(measure, total).band())
                .as(measure.id() + " total " + total)
                .isEqualTo(band));
    }

    /** Answers that add up to the total: each item takes the most it can, in order. */
    private static Score scoreOf(Measure measure, int total) {
        Map<String, Integer> answers = new LinkedHashMap<>();
        int remaining = total;
        for (Measure.Item item : measure.items()) {
            int lowest = item.optionsIn(measure).stream()
                    .mapToInt(Measure.Option::score)
                    .min()
                    .orElseThrow();
            remaining -= lowest;
            answers.put(item.id(), lowest);
        }
        for (Measure.Item item : measure.items()) {
            int lowest = answers.get(item.id());
            int chosen = lowest;
            for (Measure.Option option : item.optionsIn(measure)) {
                if (option.score() - lowest <= remaining && option.score() > chosen) {
                    chosen = option.score();
                }
            }
            remaining -= chosen - lowest;
            answers.put(item.id(), chosen);
        }
        assertThat(remaining)
                .as("answers for " + measure.id() + " adding up to " + total)
                .isZero();
        Score score = measure.score(answers);
        assertThat(score.total() / measure.total().multiplier()).isEqualTo((double) total);
        return score;
    }

    private static Map<String, Integer> answers(Integer... scores) {
        Map<String, Integer> answers = new LinkedHashMap<>();
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] != null) {
                answers.put(Integer.toString(i + 1), scores[i]);
            }
        }
        return answers;
    }
}
