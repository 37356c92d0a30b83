package org.trackwell.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SettingWordsTest {

    @Test
    void codesBecomeWordsAndNothingBecomesNone() {
        assertThat(SettingWords.setting("security-policy.min-password-length"))
                .isEqualTo("Security policy: min password length");
        assertThat(SettingWords.value("security-policy.two-factor-roles", "TENANT_ADMIN,MANAGER"))
                .isEqualTo("tenant admin, manager");
        assertThat(SettingWords.value("client-settings.open-case-cap", "")).isEqualTo("none");
        assertThat(SettingWords.value("modules-used.medication", "false")).isEqualTo("off");
    }

    @Test
    void measuresKeepTheirOwnCodesAndTeamsTheirNames() {
        assertThat(SettingWords.value("outcome-settings.primary-measure", "PHQ-9"))
                .isEqualTo("PHQ-9");
        assertThat(SettingWords.value("outcome-settings.feedback-measure", "SESSION-FEEDBACK"))
                .isEqualTo("SESSION-FEEDBACK");
        assertThat(SettingWords.setting("measures-off-for-teams.GAD-7"))
                .isEqualTo("Measures switched off for teams: GAD-7");
        assertThat(SettingWords.value("measures-off-for-teams.GAD-7", "CMHT North,Substance Misuse"))
                .isEqualTo("CMHT North, Substance Misuse");
    }
}
