package org.trackwell.clients.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Warns when free text looks identifying: e-mail addresses, UK phone numbers, NHS numbers (with a
 * valid check digit), UK postcodes, street addresses, dates of birth (a date after "DOB", "born"
 * and the like: other dates, of appointments and reviews, are the ordinary matter of notes) and
 * people's names ({@link PersonNames}). It warns, never blocks: every module's free text calls it
 * as the user types and again on save. docs/identifying-text.md has how well it does.
 */
@Component
public class IdentifyingText {

    /** One thing in the text that looks identifying, where it is, and what it looks like. */
    public record Finding(Kind kind, int start, int end, String text) {}

    public enum Kind {
        EMAIL("an e-mail address"),
        PHONE("a phone number"),
        NHS_NUMBER("an NHS number"),
        POSTCODE("a postcode"),
        ADDRESS("an address"),
        DATE_OF_BIRTH("a date of birth"),
        NAME("a person's name");

        private final String description;

        Kind(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+");
    private static final Pattern PHONE = Pattern.compile(
            "(?<![\\d+])(?:\\+44\\s?\\(?0?\\)?\\s?|\\(?0)\\d{2,4}\\)?[\\s-]?\\d{3,4}[\\s-]?\\d{3,4}(?!\\d)");
    private static final Pattern TEN_DIGITS = Pattern.compile("(?<!\\d)(\\d{3})[\\s-]?(\\d{3})[\\s-]?(\\d{4})(?!\\d)");
    private static final Pattern POSTCODE = Pattern.compile(
            "\\b(?:[A-PR-UWYZ][0-9][0-9]?|[A-PR-UWYZ][A-HK-Y][0-9][0-9]?|[A-PR-UWYZ][0-9][A-HJKPSTUW]"
                    + "|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY])\\s?[0-9][ABD-HJLNP-UW-Z]{2}\\b",
            Pattern.CASE_INSENSITIVE);
    /**
     * A house number, one to three words that are not little words ("2 miles in the park" is no
     * address) and a kind of street.
     */
    private static final Pattern ADDRESS = Pattern.compile(
            "\\b\\d{1,4}[A-Za-z]?,?\\s+(?:(?!(?:in|the|a|an|of|to|at|and|with|for|on|by|from|round|around)\\b)"
                    + "[A-Za-z'-]+\\s+){1,3}(?:road|rd|street|st|avenue|ave|lane|close|drive|way|crescent|gardens"
                    + "|court|place|terrace|grove|walk|hill|row|square|mews|park|rise|view)\\b",
            Pattern.CASE_INSENSITIVE);

    private static final String MONTH = "(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?"
            + "|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";
    private static final Pattern DATE = Pattern.compile("\\b(?:\\d{1,2}[/.-]\\d{1,2}[/.-](?:\\d{4}|\\d{2})"
            + "|\\d{4}-\\d{2}-\\d{2}"
            + "|\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + MONTH + "\\.?(?:,?\\s+\\d{4})?"
            + "|" + MONTH + "\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4})\\b");
    /** What, shortly before a date, makes it a date of birth. */
    private static final Pattern BIRTH = Pattern.compile(
            "\\bd\\.?\\s?o\\.?\\s?b\\b|date of birth|birth ?date|\\bborn\\b|birthday", Pattern.CASE_INSENSITIVE);

    private static final int BIRTH_REACH = 30;

    private final PersonNames names;

    IdentifyingText() {
        this.names = new PersonNames();
    }

    public List<Finding> findIn(String text) {
        List<Finding> findings = new ArrayList<>();
        add(findings, Kind.EMAIL, EMAIL.matcher(text));
        Matcher digits = TEN_DIGITS.matcher(text);
        while (digits.find()) {
            if (NhsNumber.valid(digits.group(1) + digits.group(2) + digits.group(3))) {
                findings.add(finding(Kind.NHS_NUMBER, digits));
            }
        }
        add(findings, Kind.PHONE, PHONE.matcher(text));
        add(findings, Kind.POSTCODE, POSTCODE.matcher(text));
        add(findings, Kind.ADDRESS, ADDRESS.matcher(text));
        Matcher date = DATE.matcher(text);
        while (date.find()) {
            String before = text.substring(Math.max(0, date.start() - BIRTH_REACH), date.start());
            if (BIRTH.matcher(before).find()) {
                findings.add(finding(Kind.DATE_OF_BIRTH, date));
            }
        }
        for (PersonNames.Span name : names.findIn(text)) {
            findings.add(new Finding(Kind.NAME, name.start(), name.end(), text.substring(name.start(), name.end())));
        }
        return withoutOverlaps(findings);
    }

    /** A short warning for people, naming each kind found once; empty if nothing was found. */
    public static String warning(List<Finding> findings) {
        if (findings.isEmpty()) {
            return "";
        }
        return "This looks like it identifies someone: "
                + findings.stream()
                        .map(finding -> finding.kind().description() + " (" + finding.text() + ")")
                        .distinct()
                        .collect(Collectors.joining(", "))
                + ". Leave identifying details out unless they are needed.";
    }

    private static void add(List<Finding> findings, Kind kind, Matcher matcher) {
        while (matcher.find()) {
            findings.add(finding(kind, matcher));
        }
    }

    private static Finding finding(Kind kind, Matcher matcher) {
        return new Finding(kind, matcher.start(), matcher.end(), matcher.group());
    }

    /**
     * The first kind found for a stretch of text wins (an NHS number is not also a phone number).
     * Each finding is checked only against its neighbours among those kept, so that a long text
     * with many findings costs no more than sorting them.
     */
    private static List<Finding> withoutOverlaps(List<Finding> findings) {
        TreeMap<Integer, Finding> kept = new TreeMap<>();
        for (Finding finding : findings) {
            Map.Entry<Integer, Finding> before = kept.floorEntry(finding.start());
            Map.Entry<Integer, Finding> after = kept.ceilingEntry(finding.start());
            boolean overlaps = (before != null && before.getValue().end() > finding.start())
                    || (after != null && after.getKey() < finding.end());
            if (!overlaps) {
                kept.put(finding.start(), finding);
            }
        }
        return List.copyOf(kept.values());
    }
}
