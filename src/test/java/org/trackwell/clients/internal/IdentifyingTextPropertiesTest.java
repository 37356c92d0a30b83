package org.trackwell.clients.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.trackwell.clients.internal.IdentifyingText.Finding;

/** Any text, and text made of the words the detector looks at, as anyone might type it. */
class IdentifyingTextPropertiesTest {

    private static final IdentifyingText DETECTOR = new IdentifyingText();

    @Property
    void anyTextGivesFindingsThatAreInItInOrderAndApart(@ForAll String text) {
        check(text);
    }

    @Property
    void textOfNamesTitlesNumbersAndPunctuationGivesFindingsThatAreInIt(@ForAll("noteLike") String text) {
        check(text);
    }

    @Provide
    Arbitrary<String> noteLike() {
        return Arbitraries.of(
                        "Mary",
                        "mary",
                        "Brown",
                        "brown",
                        "Mrs",
                        "dr",
                        "Dr.",
                        "spoke",
                        "to",
                        "with",
                        "Hope",
                        "St",
                        "Hospital",
                        "'s",
                        "-",
                        ",",
                        ".",
                        "(",
                        ")",
                        "07700",
                        "900123",
                        "+44",
                        "943",
                        "476",
                        "5919",
                        "SW1A",
                        "1AA",
                        "12",
                        "High",
                        "Street",
                        "DOB",
                        "14/03/1987",
                        "born",
                        "@",
                        "jo",
                        "example.com",
                        " ",
                        "  ",
                        "\n")
                .list()
                .ofMaxSize(30)
                .map(words -> String.join(" ", words));
    }

    private static void check(String text) {
        List<Finding> findings = DETECTOR.findIn(text);
        int end = 0;
        for (Finding finding : findings) {
            assertThat(finding.start()).isGreaterThanOrEqualTo(end);
            assertThat(finding.end()).isGreaterThan(finding.start()).isLessThanOrEqualTo(text.length());
            assertThat(text.substring(finding.start(), finding.end())).isEqualTo(finding.text());
            end = finding.end();
        }
    }
}
