package org.trackwell.clients.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** NHS numbers as typed, and as anyone might send them. */
class NhsNumberPropertiesTest {

    @Property
    void readingAnyTextNeverThrows(@ForAll String typed) {
        assertThatCode(() -> NhsNumber.parse(typed)).doesNotThrowAnyException();
    }

    @Property
    void readingAnythingShapedLikeANumberNeverThrows(@ForAll("numberShaped") String typed) {
        assertThatCode(() -> NhsNumber.parse(typed)).doesNotThrowAnyException();
    }

    @Property
    void aNumberIsMadeFromExactlyTheDigitsThatReadAsThemselves(@ForAll("numberShaped") String value) {
        boolean itself = NhsNumber.parse(value)
                .map(NhsNumber::digits)
                .filter(value::equals)
                .isPresent();
        if (itself) {
            assertThat(new NhsNumber(value).digits()).isEqualTo(value);
        } else {
            assertThatThrownBy(() -> new NhsNumber(value)).isExactlyInstanceOf(IllegalArgumentException.class);
        }
    }

    @Property
    void everyValidNumberIsReadBackAsWritten(@ForAll("numbers") NhsNumber number) {
        assertThat(NhsNumber.parse(number.toString())).contains(number);
        assertThat(NhsNumber.parse(
                        number.digits().substring(0, 3) + "-" + number.digits().substring(3)))
                .contains(number);
    }

    @Property
    void everySingleMistypedDigitIsCaught(
            @ForAll("numbers") NhsNumber number,
            @ForAll @IntRange(min = 0, max = 9) int position,
            @ForAll @IntRange(min = 0, max = 9) int digit) {
        char typed = (char) ('0' + digit);
        Assume.that(number.digits().charAt(position) != typed);
        String mistyped =
                number.digits().substring(0, position) + typed + number.digits().substring(position + 1);
        assertThat(NhsNumber.parse(mistyped)).isEmpty();
    }

    @Provide
    Arbitrary<NhsNumber> numbers() {
        return Arbitraries.strings()
                .numeric()
                .ofLength(9)
                .map(body -> body + check(body))
                .filter(digits -> digits.length() == 10)
                .map(NhsNumber::new);
    }

    @Provide
    Arbitrary<String> numberShaped() {
        return Arbitraries.strings()
                .withChars("0123456789 -\t\u0660\u0661\uff11x")
                .ofMinLength(0)
                .ofMaxLength(14);
    }

    /** The modulus 11 check digit, or nothing when it would be 10 (no NHS number has one). */
    private static String check(String body) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (body.charAt(i) - '0') * (10 - i);
        }
        int check = (11 - sum % 11) % 11;
        return check == 10 ? "" : Integer.toString(check);
    }
}
