package org.trackwell.clients.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trackwell.clients.internal.IdentifyingText.Finding;
import org.trackwell.clients.internal.IdentifyingText.Kind;

/** The detector's rules one by one; IdentifyingTextMeasureTest measures it on many texts. */
class IdentifyingTextTest {

    private final IdentifyingText detector = new IdentifyingText();

    @Test
    void anInvalidNhsNumberIsNotFlaggedAsOne() {
        assertThat(detector.findIn("Reference 943 476 5918 from the letter."))
                .extracting(Finding::kind)
                .doesNotContain(Kind.NHS_NUMBER);
    }

    @Test
    void aDateIsADateOfBirthOnlyAfterWordsThatSaySo() {
        assertThat(detector.findIn("Next appointment 12/03/2026 at 14:00.")).isEmpty();
        assertThat(detector.findIn("DOB 12/03/1986, seen today."))
                .extracting(Finding::kind, Finding::text)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.DATE_OF_BIRTH, "12/03/1986"));
    }

    @Test
    void aNameIsFoundInTheWordsAroundIt() {
        assertThat(detector.findIn("Mary Brown came with her."))
                .extracting(Finding::text)
                .containsExactly("Mary Brown");
        assertThat(detector.findIn("spoke to mary about it"))
                .extracting(Finding::text)
                .containsExactly("mary");
        assertThat(detector.findIn("Mother, Mrs Patel, attended."))
                .extracting(Finding::text)
                .containsExactly("Mrs Patel");
        assertThat(detector.findIn("Sister Hope Clarke called."))
                .extracting(Finding::text)
                .containsExactly("Hope Clarke");
    }

    @Test
    void namesThatAreAlsoWordsAreWordsUnlessASurnameFollows() {
        assertThat(detector.findIn("Hope Street drop-in; Grace period; May need more; Will review; Brown bread."))
                .isEmpty();
        assertThat(detector.findIn("Friend Grace Evans stays over."))
                .extracting(Finding::kind)
                .containsExactly(Kind.NAME);
    }

    @Test
    void longTextIsCheckedQuickly() {
        String note = "Spoke to Mary Brown at 12 High Street about 07700 900123 and the PHQ-9. ".repeat(2_000);
        long started = System.nanoTime();
        List<Finding> findings = detector.findIn(note);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(findings).hasSize(6_000);
    }

    @Test
    void theWarningNamesWhatItFound() {
        String warning = IdentifyingText.warning(detector.findIn("Call 07700 900123 or jo@example.com"));
        assertThat(warning).contains("a phone number (07700 900123)", "an e-mail address (jo@example.com)");
        assertThat(IdentifyingText.warning(List.of())).isEmpty();
    }
}
