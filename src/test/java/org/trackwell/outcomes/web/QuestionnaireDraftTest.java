package org.trackwell.outcomes.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trackwell.outcomes.internal.DefinitionInvalid;
import org.trackwell.outcomes.internal.Measure;
import org.trackwell.outcomes.internal.MeasureDefinitions;

class QuestionnaireDraftTest {

    @Test
    void turnsTheBuildersLinesIntoADefinitionThatScores() {
        QuestionnaireDraft draft = QuestionnaireDraft.from(Map.of(
                "id", "CARER-STRAIN",
                "title", "Carer strain check",
                "options", "Never = 0\nSometimes = 1\nOften = 2",
                "items", "I feel tired\nR: I have time for myself\nI feel alone",
                "bands", "0 = Low\n4 = High",
                "cutOff", "4",
                "maxMissing", "1",
                "higherIsWorse", "true"));
        Measure measure = MeasureDefinitions.parse(draft.toDefinition());
        assertThat(measure.items()).hasSize(3);
        assertThat(measure.items().get(1).reverse()).isTrue();
        assertThat(measure.score(Map.of("1", 2, "2", 0, "3", 1)).total())
                .as("the reverse item's 0 scores 2")
                .isEqualTo(5.0);
        assertThat(measure.score(Map.of("1", 2, "3", 1)).total()).as("prorated").isEqualTo(5.0);
        assertThat(measure.licence().modification()).isTrue();
        assertThat(QuestionnaireDraft.of(measure).items())
                .isEqualTo("I feel tired\nR: I have time for myself\nI feel alone");
    }

    @Test
    void refusesLinesThatDoNotMakeAUsableQuestionnaire() {
        QuestionnaireDraft draft = QuestionnaireDraft.from(Map.of(
                "id",
                "BAD",
                "title",
                "Bad",
                "options",
                "Never = zero\nOften = 1",
                "items",
                "Only question",
                "bands",
                "0 = Low"));
        assertThatThrownBy(() -> MeasureDefinitions.parse(draft.toDefinition()))
                .isInstanceOf(DefinitionInvalid.class)
                .satisfies(
                        e -> assertThat(((DefinitionInvalid) e).details()).anyMatch(d -> d.contains("option scores")));
    }

    @Test
    void aCountOfMissingQuestionsThatIsNotAWholeNumberIsRefusedNotReadAsNone() {
        QuestionnaireDraft draft = QuestionnaireDraft.from(Map.of(
                "id", "TYPO",
                "title", "Typo",
                "options", "Never = 0\nOften = 1",
                "items", "One\nTwo",
                "bands", "0 = Low",
                "maxMissing", "one"));
        assertThat(draft.maxMissing()).as("shown again as typed").isEqualTo("one");
        assertThatThrownBy(() -> MeasureDefinitions.parse(draft.toDefinition()))
                .isInstanceOf(DefinitionInvalid.class)
                .satisfies(
                        e -> assertThat(((DefinitionInvalid) e).details()).anyMatch(d -> d.contains("may be missing")));
    }
}
