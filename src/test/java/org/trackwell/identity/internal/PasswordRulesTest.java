package org.trackwell.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.trackwell.identity.SecurityPolicy;

class PasswordRulesTest {

    private final PasswordRules rules = new PasswordRules();
    private final PasswordRules.Context context =
            new PasswordRules.Context("jo.bloggs@example.org", "Jo Bloggs", "Riverside Wellbeing");
    private final SecurityPolicy policy = SecurityPolicy.defaults();

    @Test
    void acceptsALongPhraseOfUnrelatedWords() {
        assertThat(rules.failures("password lantern harbour 88 quietly", context, policy))
                .isEmpty();
        assertThat(rules.failures("violet tractor lagoon 47 sunrise", context, policy))
                .isEmpty();
    }

    @Test
    void refusesShortCommonAndContextPasswords() {
        assertThat(rules.failures("tiny", context, policy)).anyMatch(f -> f.contains("at least 15"));
        assertThat(rules.failures("1qaz2wsx3edc4rfv", context, policy)).anyMatch(f -> f.contains("most common"));
        assertThat(rules.failures("bloggs lantern harbour 88", context, policy)).anyMatch(f -> f.contains("name"));
        assertThat(rules.failures("riversidewellbeing 2026 ok", context, policy))
                .anyMatch(f -> f.contains("name"));
        assertThat(rules.failures("abcabcabcabcabcabc", context, policy)).anyMatch(f -> f.contains("too easy"));
    }

    @Test
    void appliesCompositionRulesOnlyWhenTheTenantSwitchesThemOn() {
        SecurityPolicy composition = new SecurityPolicy(15, 5, true, 5, 15, 1440, 1200, Set.of(), 90);
        assertThat(rules.failures("violet tractor lagoon sunrise", context, policy))
                .isEmpty();
        assertThat(rules.failures("violet tractor lagoon sunrise", context, composition))
                .contains("Include an upper-case letter.", "Include a digit.");
    }

    @Test
    void normalisesUnicodeSoTheSamePasswordTypedDifferentlyMatches() {
        assertThat(PasswordHasher.normalised("caf\u0065\u0301 au lait"))
                .isEqualTo(PasswordHasher.normalised("caf\u00e9 au lait"));
    }
}
