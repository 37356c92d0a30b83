package org.trackwell.web.internal;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which characters a person may send. Control characters and bidirectional overrides are refused
 * everywhere, never stripped: silently changing what someone wrote in a record is worse than
 * asking them to write it again. Free-text fields, named here once, may also hold line breaks and
 * tabs; every other field is a single line.
 */
final class TextRules {

    private static final Set<String> FREE_TEXT_FIELDS = Set.of(
            "text",
            "note",
            "notes",
            "instructions",
            "indication",
            "wording",
            "reason",
            "overrideReason",
            "correctionReason",
            "stopReason",
            "definition",
            "items",
            "options",
            "bands");

    private TextRules() {}

    static boolean isFreeText(String field) {
        return FREE_TEXT_FIELDS.contains(field);
    }

    /** Why the value of this field is refused, or nothing when it is fine. */
    static Optional<String> problem(String field, String value) {
        boolean freeText = isFreeText(field);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)
                    && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of("contains a broken character (" + codePoint(c) + ").");
            } else if (isLineBreakOrTab(c)) {
                if (!freeText) {
                    return Optional.of("must be a single line, without line breaks or tabs.");
                }
            } else if (Character.getType(c) == Character.CONTROL) {
                return Optional.of("contains a control character (" + codePoint(c) + "), which is not allowed.");
            } else if (isDirectionOverride(c)) {
                return Optional.of("contains a hidden text-direction character (" + codePoint(c)
                        + "), which could make it read differently from what is stored.");
            }
        }
        return Optional.empty();
    }

    private static boolean isLineBreakOrTab(char c) {
        return c == '\n' || c == '\r' || c == '\t' || c == '\u2028' || c == '\u2029';
    }

    /** Embeddings, overrides and isolates: the characters of "Trojan Source" tricks. */
    private static boolean isDirectionOverride(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }

    private static String codePoint(char c) {
        return String.format(Locale.ROOT, "U+%04X", (int) c);
    }
}
