package org.trackwell.setup.internal;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The survey's answers by question, as typed or saved: lists (choices and names) are
 * comma-separated. Reading an answer never fails; checking one is {@link Steps}'s.
 */
public record Answers(Map<String, String> byQuestion) {

    public static final int INVITATION_ROWS = 5;

    public Answers {
        byQuestion = Map.copyOf(byQuestion);
    }

    public String get(String question) {
        return byQuestion.getOrDefault(question, "");
    }

    public boolean has(String question) {
        return byQuestion.containsKey(question);
    }

    public boolean yes(String question) {
        return "true".equals(get(question));
    }

    public Set<String> choices(String question) {
        Set<String> choices = new LinkedHashSet<>();
        Arrays.stream(get(question).split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .forEach(choices::add);
        return choices;
    }

    /** Names typed on one line, separated by commas. */
    public List<String> names(String question) {
        return Arrays.stream(get(question).split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    public Optional<ServiceKind> kind() {
        return Arrays.stream(ServiceKind.values())
                .filter(k -> k.name().equals(get("kind")))
                .findFirst();
    }

    /** The people to invite: the rows with an e-mail address. */
    public List<Invitee> invitees() {
        return java.util.stream.IntStream.range(0, INVITATION_ROWS)
                .mapToObj(n -> new Invitee(
                        get("invite." + n + ".name").strip(),
                        get("invite." + n + ".email").strip(),
                        get("invite." + n + ".role"),
                        get("invite." + n + ".team").strip()))
                .filter(invitee -> !invitee.email().isEmpty() || !invitee.name().isEmpty())
                .toList();
    }

    /** Someone to invite: their name, work e-mail, role and team (the team may be left empty). */
    public record Invitee(String name, String email, String role, String team) {

        @Override
        public String toString() {
            return "Invitee[***]";
        }
    }
}
