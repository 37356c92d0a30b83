package org.trackwell.clients.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Warns when free text looks identifying: e-mail addresses, UK phone numbers, NHS numbers (with a
 * valid check digit), UK postcodes, dates, and a capitalised first name followed by a capitalised
 * word (a names list of ~8,400 English first names). It warns, never blocks: every module's free
 * text calls it as the user types and again on save.
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
        DATE("a date"),
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
    private static final String MONTH = "(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?"
            + "|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";
    private static final Pattern DATE = Pattern.compile("\\b(?:\\d{1,2}[/.-]\\d{1,2}[/.-](?:\\d{4}|\\d{2})"
            + "|\\d{4}-\\d{2}-\\d{2}"
            + "|\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + MONTH + "\\.?(?:,?\\s+\\d{4})?"
            + "|" + MONTH + "\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4})\\b");
    private static final Pattern CAPITALISED_PAIR =
            Pattern.compile("\\b([A-Z][a-z]+)\\s+((?:Mc|Mac|O')?[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\\b");
    /** Capitalised words that follow a first name in ordinary text without making a name. */
    private static final Set<String> NOT_SURNAMES = Set.of(
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
            "january",
            "february",
            "march",
            "april",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
            "i",
            "the",
            "a",
            "an",
            "and",
            "but",
            "or",
            "so",
            "nhs",
            "gp",
            "street",
            "road");

    private final Set<String> firstNames;

    IdentifyingText() {
        this.firstNames = loadNames();
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
        add(findings, Kind.DATE, DATE.matcher(text));
        Matcher pair = CAPITALISED_PAIR.matcher(text);
        while (pair.find()) {
            if (firstNames.contains(pair.group(1).toLowerCase(Locale.ROOT))
                    && !NOT_SURNAMES.contains(pair.group(2).toLowerCase(Locale.ROOT))) {
                findings.add(finding(Kind.NAME, pair));
            }
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

    /** The first kind found for a stretch of text wins (an NHS number is not also a phone number). */
    private static List<Finding> withoutOverlaps(List<Finding> findings) {
        List<Finding> kept = new ArrayList<>();
        for (Finding finding : findings) {
            if (kept.stream().noneMatch(k -> k.start() < finding.end() && finding.start() < k.end())) {
                kept.add(finding);
            }
        }
        kept.sort(Comparator.comparingInt(Finding::start));
        return List.copyOf(kept);
    }

    private static Set<String> loadNames() {
        try (InputStream in = IdentifyingText.class.getResourceAsStream("/clients/first-names.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> !line.startsWith("#") && !line.isBlank())
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
