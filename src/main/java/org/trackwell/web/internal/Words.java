package org.trackwell.web.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * A value's code in the users' words, for templates: {@code ${@words.of(user.status)}} shows
 * "Active", never "ACTIVE". Codes whose plain reading is not the users' word are named here.
 */
@Component("words")
public class Words {

    private static final Map<String, String> NAMED = Map.of(
            "TENANT_ADMIN", "Administrator",
            "USER", "Person",
            "SYSTEM", "Trackwell",
            "ANONYMOUS", "Nobody signed in",
            "SUCCESS", "Done",
            "DENIED", "Refused",
            "NONE", "None",
            "NHS_NUMBER", "NHS number");

    public String of(@Nullable Object code) {
        if (code == null) {
            return "";
        }
        String name = code instanceof Enum<?> value ? value.name() : code.toString();
        String named = NAMED.get(name);
        if (named != null) {
            return named;
        }
        String spaced = name.replace('_', ' ').toLowerCase(Locale.ROOT);
        return spaced.isEmpty() ? spaced : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    /** Several codes, as a list in words: "Manager, Carer". */
    public String list(@Nullable Iterable<?> codes) {
        if (codes == null) {
            return "";
        }
        StringBuilder words = new StringBuilder();
        for (Object code : codes) {
            words.append(words.isEmpty() ? "" : ", ").append(of(code));
        }
        return words.toString();
    }

    /** Codes as the audit trail joins them, "MANAGER,CARER", in words. */
    public String joined(@Nullable String codes) {
        return codes == null
                ? ""
                : Arrays.stream(codes.split(","))
                        .map(String::strip)
                        .map(this::of)
                        .collect(Collectors.joining(", "));
    }
}
