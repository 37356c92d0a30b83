package org.trackwell.clients.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds people's names in free text from lists of given names and surnames and the words around
 * them: a title ("Mrs Patel", "dr khan"), a word that introduces a person ("spoke to mary",
 * "wife Fatima"), a given name and a surname ("Mary Brown", "mary brown"), or a given name alone
 * when it is not also an everyday word ("Sarah was tearful", but not "Hope", "Grace" or "Will").
 * One pass over the words, each looked up in a set: no backtracking regular expression.
 */
final class PersonNames {

    /** A name found: where it starts and ends in the text. */
    record Span(int start, int end) {}

    private record Word(String text, String lower, int start, int end) {

        boolean capitalised() {
            return Character.isUpperCase(text.charAt(0)) && !text.equals(text.toUpperCase(Locale.ROOT));
        }
    }

    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z'’-]*");
    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?:;()\\n]");
    private static final Pattern NUMBER_NEXT = Pattern.compile("\\s*\\d");
    private static final Pattern AFTER_TITLE = Pattern.compile("\\.?\\s+");
    private static final Pattern AFTER_INTRODUCTION = Pattern.compile(",?\\s+(?:\\(\\s*)?");

    private static final Set<String> TITLES =
            Set.of("mr", "mrs", "ms", "miss", "mx", "dr", "doctor", "prof", "professor", "nurse");
    /** Words after which the next word, if it can be a name, is one. */
    private static final Set<String> INTRODUCTIONS = wordSet("""
            called named wife husband partner son daughter mum mother dad father brother sister
            friend boyfriend girlfriend aunt uncle nan nana nanna grandma grandad grandmother
            grandfather neighbour carer cousin niece nephew stepfather stepmother stepson
            stepdaughter ex fiance fiancee
            """);
    /** Two-word introductions: the first word, then the second. */
    private static final Set<String> INTRODUCTION_PAIRS = phraseSet("""
            spoke to, spoke with, speak to, speak with, talk to, talked to, talking to, met with,
            known as, visit from, call from, letter to, agreed with
            """);
    /**
     * Capitalised words that are never a name here: days, months, people's roles, places and the
     * names of scales that carry a person's name (the Beck and Hamilton inventories).
     */
    private static final Set<String> NEVER_NAMES = wordSet("""
            monday tuesday wednesday thursday friday saturday sunday january february march april
            may june july august september october november december i the a an and but or so is
            was he she they her his him them their it on in at to by for from with about that this
            who nhs gp mum dad street road lane avenue team worker leader practitioner nurse doctor
            centre center clinic hospital house college group unit service services surgery
            pharmacy trust council beck hamilton christmas easter
            """);

    /** Words after a name that make it a place's. */
    private static final Set<String> PLACES = wordSet("""
            hospital infirmary street road lane avenue centre center house college school
            university park surgery clinic unit court lodge hall close drive square gardens station
            crescent terrace place way hospice church
            """);
    /** Words before a name that make it a place's. */
    private static final Set<String> BEFORE_PLACES =
            Set.of("st", "saint", "queen", "king", "royal", "prince", "princess", "lady", "port", "mount");

    private static Set<String> wordSet(String list) {
        return Set.of(list.strip().split("\\s+"));
    }

    private static Set<String> phraseSet(String list) {
        return Set.of(list.strip().split(",\\s*"));
    }

    private final Set<String> givenNames;
    private final Set<String> surnames;
    private final Set<String> alsoWords;
    private final Set<String> alsoRarerWords;

    PersonNames() {
        this.givenNames = Stream.concat(load("first-names.txt").stream(), load("given-names-uk.txt").stream())
                .collect(Collectors.toUnmodifiableSet());
        this.surnames = load("surnames.txt");
        this.alsoWords = load("names-that-are-words.txt");
        this.alsoRarerWords = load("names-that-are-rarer-words.txt");
    }

    List<Span> findIn(String text) {
        List<Word> words = words(text);
        List<Span> found = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            Name name = nameAt(text, words, i);
            if (name.end() > name.first()) {
                found.add(new Span(
                        words.get(name.first()).start(),
                        words.get(name.end() - 1).end()));
                i = name.end();
            } else {
                i++;
            }
        }
        return found;
    }

    /** The words of a name, by index: from first, up to but not including end; none when equal. */
    private record Name(int first, int end) {

        static Name none(int at) {
            return new Name(at, at);
        }
    }

    /** The name that starts at word i or is introduced by it. */
    private Name nameAt(String text, List<Word> words, int i) {
        Word word = words.get(i);
        Word next = i + 1 < words.size() ? words.get(i + 1) : null;
        if (next == null) {
            return lone(text, words, i) ? new Name(i, i + 1) : Name.none(i);
        }
        if (TITLES.contains(word.lower()) && between(text, word, next, AFTER_TITLE)) {
            return couldBeName(next) || surnames.contains(baseOf(next))
                    ? new Name(i, withSurname(text, words, i + 2))
                    : Name.none(i);
        }
        if (introduces(text, words, i) && between(text, word, next, AFTER_INTRODUCTION) && couldBeName(next)) {
            return new Name(i + 1, withSurname(text, words, i + 2));
        }
        if (isGivenName(word)
                && !NEVER_NAMES.contains(word.lower())
                && !inPlaceName(words, i)
                && !PLACES.contains(next.lower())
                && between(text, word, next, SPACE)
                && surnameAfter(word, next)) {
            return new Name(i, i + 2);
        }
        return lone(text, words, i) ? new Name(i, i + 1) : Name.none(i);
    }

    /**
     * A given name that is not also an everyday word names someone on its own: capitalised, or in
     * lower case if it is no word at all ("gave the key to sarah", but "max 4 a day").
     */
    private boolean lone(String text, List<Word> words, int i) {
        Word word = words.get(i);
        String base = baseOf(word);
        if (!isGivenName(word) || NEVER_NAMES.contains(base)) {
            return false;
        }
        if (alsoWords.contains(base)) {
            return word.capitalised() && midSentence(text, words, i) && standsAlone(text, words, i);
        }
        if (!word.capitalised()) {
            return word.lower().equals(word.text()) && base.length() > 2 && !alsoRarerWords.contains(base);
        }
        return !inPlaceName(words, i);
    }

    /** Capitalised where a word would not be ("take Poppy to nursery", not "Poppy seeds help"). */
    private static boolean midSentence(String text, List<Word> words, int i) {
        if (i == 0) {
            return false;
        }
        Word before = words.get(i - 1);
        return !SENTENCE_END
                        .matcher(text.substring(before.end(), words.get(i).start()))
                        .find()
                && !BEFORE_PLACES.contains(before.lower())
                && !TITLES.contains(before.lower());
    }

    /** Not the first word of a longer proper noun ("the Care Programme Approach", "Ward 7"). */
    private static boolean standsAlone(String text, List<Word> words, int i) {
        Word word = words.get(i);
        if (NUMBER_NEXT.matcher(text).region(word.end(), text.length()).lookingAt()) {
            return false;
        }
        return i + 1 >= words.size()
                || !(words.get(i + 1).capitalised() && between(text, word, words.get(i + 1), SPACE));
    }

    /** "St Mary's Hospital", "Queen Elizabeth Hospital", "Victoria Infirmary": a place, not a person. */
    private static boolean inPlaceName(List<Word> words, int i) {
        return (i > 0 && BEFORE_PLACES.contains(words.get(i - 1).lower()))
                || (i + 1 < words.size() && PLACES.contains(words.get(i + 1).lower()));
    }

    private boolean introduces(String text, List<Word> words, int i) {
        Word word = words.get(i);
        if (INTRODUCTIONS.contains(word.lower())) {
            return true;
        }
        return i > 0
                && between(text, words.get(i - 1), word, SPACE)
                && INTRODUCTION_PAIRS.contains(words.get(i - 1).lower() + " " + word.lower());
    }

    /** A capitalised word that is not a known non-name, or a given name that is not also a word. */
    private boolean couldBeName(Word word) {
        if (NEVER_NAMES.contains(word.lower())) {
            return false;
        }
        return word.capitalised() || (isGivenName(word) && !alsoWords.contains(baseOf(word)));
    }

    private boolean surnameAfter(Word given, Word next) {
        if (surnames.contains(baseOf(next))) {
            return given.capitalised() == next.capitalised()
                    && (given.capitalised() || !alsoWords.contains(baseOf(given)));
        }
        return given.capitalised()
                && next.capitalised()
                && !alsoWords.contains(baseOf(given))
                && !NEVER_NAMES.contains(next.lower());
    }

    /** Takes in a capitalised surname after a name ("Dr John Smith", "sister Hope Clarke"). */
    private int withSurname(String text, List<Word> words, int after) {
        if (after < words.size()) {
            Word last = words.get(after - 1);
            Word next = words.get(after);
            if (between(text, last, next, SPACE)
                    && next.capitalised()
                    && (surnames.contains(baseOf(next)) || !NEVER_NAMES.contains(next.lower()) && isGivenName(last))) {
                return after + 1;
            }
        }
        return after;
    }

    private boolean isGivenName(Word word) {
        String base = baseOf(word);
        if (givenNames.contains(base)) {
            return true;
        }
        String[] parts = base.split("-");
        return parts.length > 1 && Stream.of(parts).allMatch(givenNames::contains);
    }

    /** The word without a possessive ("Sarah's" is Sarah). */
    private static String baseOf(Word word) {
        String lower = word.lower();
        return lower.endsWith("'s") || lower.endsWith("’s") ? lower.substring(0, lower.length() - 2) : lower;
    }

    private static boolean between(String text, Word first, Word second, Pattern gap) {
        return gap.matcher(text.substring(first.end(), second.start())).matches();
    }

    private static List<Word> words(String text) {
        List<Word> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(text);
        while (matcher.find()) {
            String word = matcher.group();
            words.add(new Word(word, word.toLowerCase(Locale.ROOT), matcher.start(), matcher.end()));
        }
        return words;
    }

    private static Set<String> load(String file) {
        try (InputStream in = PersonNames.class.getResourceAsStream("/clients/" + file)) {
            Objects.requireNonNull(in, "the names lists are in the jar");
            Set<String> names = new HashSet<>();
            new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> !line.startsWith("#") && !line.isBlank())
                    .forEach(names::add);
            return Set.copyOf(names);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
