package org.trackwell.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class PseudonymCodeTest {

    private final SecureRandom random = new SecureRandom();

    @RepeatedTest(20)
    void everySingleMistypedCharacterIsCaught() {
        String code = PseudonymCode.random(random).value();
        for (int i = 0; i < code.length(); i++) {
            for (char other : PseudonymCode.ALPHABET.toCharArray()) {
                if (other != code.charAt(i)) {
                    String typo = code.substring(0, i) + other + code.substring(i + 1);
                    assertThat(PseudonymCode.parse(typo)).as(typo).isEmpty();
                }
            }
        }
    }

    @RepeatedTest(20)
    void everySwapOfNeighbouringCharactersIsCaught() {
        String code = PseudonymCode.random(random).value();
        for (int i = 0; i + 1 < code.length(); i++) {
            if (code.charAt(i) != code.charAt(i + 1)) {
                String swapped = code.substring(0, i) + code.charAt(i + 1) + code.charAt(i) + code.substring(i + 2);
                assertThat(PseudonymCode.parse(swapped)).as(swapped).isEmpty();
            }
        }
    }

    @Test
    void isReadAsPeopleTypeIt() {
        PseudonymCode code = PseudonymCode.random(random);
        String shown = code.toString();
        assertThat(shown).matches("[2-9A-Z]{3}-[2-9A-Z]{4}");
        assertThat(PseudonymCode.parse(shown.toLowerCase())).contains(code);
        assertThat(PseudonymCode.parse(" " + shown.replace("-", " ") + " ")).contains(code);
        assertThat(PseudonymCode.parse(code.value())).contains(code);
    }

    @Test
    void hasNoLookAlikeCharacters() {
        assertThat(PseudonymCode.ALPHABET)
                .doesNotContain("0", "O", "1", "I", "L")
                .hasSize(31);
    }
}
