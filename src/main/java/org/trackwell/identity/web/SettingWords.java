package org.trackwell.identity.web;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Setting names and values from the audit trail, in the words the settings pages use. */
final class SettingWords {

    private static final String MEASURES_OFF_FOR_TEAMS = "measures-off-for-teams";

    private static final Map<String, String> AREAS = Map.of(
            "security-policy",
            "Security policy",
            "client-settings",
            "Client settings",
            "medication-settings",
            "Medication settings",
            "outcome-settings",
            "Outcome settings",
            "session-types",
            "Session types",
            "terms-of-use",
            "Terms of use",
            "round-identification",
            "Medication round: identifying people",
            "modules-used",
            "Modules used",
            MEASURES_OFF_FOR_TEAMS,
            "Measures switched off for teams");

    /**
     * Settings whose values are names as people know them: measures by their own codes (PHQ-9, not
     * "phq 9") and teams by the names the service gave them. These are shown as they are.
     */
    private static final Set<String> NAMED_VALUES =
            Set.of("outcome-settings.primary-measure", "outcome-settings.feedback-measure");

    private SettingWords() {}

    /** {@code security-policy.min-password-length} becomes "Security policy: min password length". */
    static String setting(String name) {
        int dot = name.indexOf('.');
        String area = dot < 0 ? name : name.substring(0, dot);
        String areaWords = AREAS.getOrDefault(area, words(area));
        if (dot < 0) {
            return areaWords;
        }
        String rest = name.substring(dot + 1);
        return areaWords + ": " + (area.equals(MEASURES_OFF_FOR_TEAMS) ? rest : words(rest));
    }

    /**
     * A setting's value: codes such as {@code TENANT_ADMIN,MANAGER} become "tenant admin, manager",
     * names stay as they are, and nothing becomes "none".
     */
    static String value(String setting, String value) {
        if (value.isBlank()) {
            return "none";
        }
        if (NAMED_VALUES.contains(setting) || setting.startsWith(MEASURES_OFF_FOR_TEAMS + ".")) {
            return String.join(", ", value.split(","));
        }
        return Arrays.stream(value.split(","))
                .map(part -> part.equals("true") ? "on" : part.equals("false") ? "off" : words(part))
                .collect(Collectors.joining(", "));
    }

    private static String words(String code) {
        String spaced = code.replace('_', ' ').replace('-', ' ');
        return code.chars().anyMatch(Character::isLowerCase) ? spaced : spaced.toLowerCase(Locale.ROOT);
    }
}
