package org.trackwell.identity.web;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Setting names and values from the audit trail, in the words the settings pages use. */
final class SettingWords {

    private static final Map<String, String> AREAS = Map.of(
            "security-policy", "Security policy",
            "client-settings", "Client settings",
            "medication-settings", "Medication settings",
            "outcome-settings", "Outcome settings",
            "session-types", "Session types",
            "terms-of-use", "Terms of use",
            "round-identification", "Medication round: identifying people",
            "modules-used", "Modules used",
            "measures-off-for-teams", "Measures switched off for teams");

    private SettingWords() {}

    /** {@code security-policy.min-password-length} becomes "Security policy: min password length". */
    static String setting(String name) {
        int dot = name.indexOf('.');
        String area = dot < 0 ? name : name.substring(0, dot);
        String areaWords = AREAS.getOrDefault(area, words(area));
        return dot < 0 ? areaWords : areaWords + ": " + words(name.substring(dot + 1));
    }

    /** A value: codes such as {@code TENANT_ADMIN,MANAGER} become "tenant admin, manager"; nothing becomes "none". */
    static String value(String value) {
        if (value.isBlank()) {
            return "none";
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
