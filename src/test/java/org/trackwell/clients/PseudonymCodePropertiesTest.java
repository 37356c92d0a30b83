package org.trackwell.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Pseudonym codes as people type them, and as anyone might send them. */
class PseudonymCodePropertiesTest {

    @Property
    void readingAnyTextNeverThrows(@ForAll String typed) {
        assertThatCode(() -> PseudonymCode.parse(typed)).doesNotThrowAnyException();
    }

    @Property
    void readingAnythingShapedLikeACodeNeverThrows(@ForAll("codeShaped") String typed) {
        assertThatCode(() -> PseudonymCode.parse(typed)).doesNotThrowAnyException();
    }

    @Property
    void aCodeIsMadeFromExactlyTheValuesThatReadAsThemselves(@ForAll("codeShaped") String value) {
        boolean itself = PseudonymCode.parse(value)
                .map(PseudonymCode::value)
                .filter(value::equals)
                .isPresent();
        if (itself) {
            assertThat(new PseudonymCode(value).value()).isEqualTo(value);
        } else {
            assertThatThrownBy(() -> new PseudonymCode(value)).isExactlyInstanceOf(IllegalArgumentException.class);
        }
    }

    @Property
    void everyCodeIsReadBackHoweverItIsWritten(@ForAll("codes") PseudonymCode code, @ForAll("separators") String gap) {
        String shown = code.toString();
        assertThat(PseudonymCode.parse(shown)).contains(code);
        assertThat(PseudonymCode.parse(shown.toLowerCase(Locale.ROOT))).contains(code);
        assertThat(PseudonymCode.parse(
                        gap + code.value().substring(0, 3) + gap + code.value().substring(3) + gap))
                .contains(code);
    }

    @Property
    void everySingleMistypedCharacterIsCaught(
            @ForAll("codes") PseudonymCode code,
            @ForAll @IntRange(min = 0, max = 6) int position,
            @ForAll @IntRange(min = 0, max = 30) int replacement) {
        char typed = PseudonymCode.ALPHABET.charAt(replacement);
        Assume.that(code.value().charAt(position) != typed);
        String mistyped =
                code.value().substring(0, position) + typed + code.value().substring(position + 1);
        assertThat(PseudonymCode.parse(mistyped)).isEmpty();
    }

    @Property
    void everySwapOfNeighbouringCharactersIsCaught(
            @ForAll("codes") PseudonymCode code, @ForAll @IntRange(min = 0, max = 5) int position) {
        char[] chars = code.value().toCharArray();
        Assume.that(chars[position] != chars[position + 1]);
        char first = chars[position];
        chars[position] = chars[position + 1];
        chars[position + 1] = first;
        assertThat(PseudonymCode.parse(new String(chars))).isEmpty();
    }

    @Provide
    Arbitrary<PseudonymCode> codes() {
        return Arbitraries.of(
                        PseudonymCode.ALPHABET.chars().mapToObj(c -> (char) c).toList())
                .list()
                .ofSize(6)
                .map(chars -> {
                    StringBuilder body = new StringBuilder();
                    chars.forEach(body::append);
                    return new PseudonymCode(body.toString() + PseudonymCode.check(body));
                });
    }

    @Provide
    Arbitrary<String> codeShaped() {
        return Arbitraries.strings()
                .withChars(PseudonymCode.ALPHABET + "abcxyz01OIL -_.\t\u00df\u0131\u00a0")
                .ofMinLength(0)
                .ofMaxLength(12);
    }

    @Provide
    Arbitrary<String> separators() {
        return Arbitraries.of("", " ", "-", "  ", "_", ".", "\t");
    }
}
