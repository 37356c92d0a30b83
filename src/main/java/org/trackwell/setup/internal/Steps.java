package org.trackwell.setup.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.trackwell.clients.ClientIdentifiers;
import org.trackwell.identity.AccountChangeRefused;
import org.trackwell.identity.AccountDetailsInvalid;
import org.trackwell.identity.Accounts;
import org.trackwell.identity.Policies;
import org.trackwell.identity.Role;
import org.trackwell.identity.SecurityPolicy;
import org.trackwell.identity.Team;
import org.trackwell.outcomes.MeasureSetup;

/**
 * The survey's six steps: what each asks, what it suggests before it is answered (from the kind
 * of service and the settings as they are), and the checks on its answers.
 */
@Component
public class Steps {

    public static final int LAST = 6;

    private static final Map<Integer, List<String>> QUESTIONS = Map.of(
            1, List.of("kind"),
            2, List.of("outcomes", "medication"),
            3, List.of("identifiersAllowed", "identifiers"),
            4, List.of("minPasswordLength", "lockoutThreshold", "idleTimeoutMinutes", "secondFactorRoles"),
            5, List.of("measures", "sessionTypes"),
            6, invitationQuestions());

    private final Policies policies;
    private final ClientIdentifiers identifiers;
    private final MeasureSetup measures;
    private final Accounts accounts;

    Steps(Policies policies, ClientIdentifiers identifiers, MeasureSetup measures, Accounts accounts) {
        this.policies = policies;
        this.identifiers = identifiers;
        this.measures = measures;
        this.accounts = accounts;
    }

    public static List<String> questions(int step) {
        return QUESTIONS.getOrDefault(step, List.of());
    }

    /** The saved answers, with a suggestion for each question not answered yet. */
    public Answers withSuggestions(Answers saved) {
        ServiceKind kind = saved.kind().orElse(ServiceKind.MIXED);
        SecurityPolicy policy = policies.current();
        Map<String, String> all = new LinkedHashMap<>();
        all.put("outcomes", String.valueOf(kind.suggestsOutcomes()));
        all.put("medication", String.valueOf(kind.suggestsMedication()));
        all.put(
                "identifiersAllowed",
                String.valueOf(!kind.suggestedIdentifiers().isEmpty()));
        all.put("identifiers", String.join(",", kind.suggestedIdentifiers()));
        all.put("minPasswordLength", String.valueOf(policy.minPasswordLength()));
        all.put("lockoutThreshold", String.valueOf(policy.lockoutThreshold()));
        all.put("idleTimeoutMinutes", String.valueOf(kind.suggestedIdleMinutes()));
        all.put(
                "secondFactorRoles",
                kind.suggestedSecondFactorRoles().stream()
                        .map(Role::name)
                        .sorted()
                        .collect(Collectors.joining(",")));
        all.put(
                "measures",
                measures.measures().stream()
                        .filter(MeasureSetup.MeasureChoice::on)
                        .map(MeasureSetup.MeasureChoice::id)
                        .collect(Collectors.joining(",")));
        all.put("sessionTypes", String.join(", ", measures.sessionTypeNames()));
        all.putAll(saved.byQuestion());
        return new Answers(all);
    }

    /** The answers to one step, tidied; refused with a plain message when one cannot be used. */
    public Map<String, String> check(int step, Answers typed) {
        Map<String, String> answers = new LinkedHashMap<>();
        questions(step)
                .forEach(question -> answers.put(question, typed.get(question).strip()));
        switch (step) {
            case 1 -> {
                if (typed.kind().isEmpty()) {
                    throw new SurveyAnswerRefused("Choose the kind of service you run.");
                }
            }
            case 2 -> {
                answers.put("outcomes", String.valueOf(typed.yes("outcomes")));
                answers.put("medication", String.valueOf(typed.yes("medication")));
            }
            case 3 -> checkIdentifiers(typed, answers);
            case 4 -> policyOf(new Answers(answers));
            case 5 -> checkMeasures(typed);
            case 6 -> checkTeamsAndInvitations(typed);
            default -> throw new SurveyAnswerRefused("There is no such step.");
        }
        return answers;
    }

    /** The security policy as it is, with the survey's choices in it; refused if out of bounds. */
    public SecurityPolicy policyOf(Answers answers) {
        SecurityPolicy current = policies.current();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String chosen : answers.choices("secondFactorRoles")) {
            roles.add(EnumSet.allOf(Role.class).stream()
                    .filter(role -> role.name().equals(chosen))
                    .findFirst()
                    .orElseThrow(() -> new SurveyAnswerRefused("Choose roles from the list.")));
        }
        SecurityPolicy policy = new SecurityPolicy(
                number(answers.get("minPasswordLength"), "The shortest password"),
                current.passwordHistory(),
                current.compositionRules(),
                number(answers.get("lockoutThreshold"), "Wrong passwords before a lock"),
                current.lockoutMinutes(),
                current.maxLockoutMinutes(),
                number(answers.get("idleTimeoutMinutes"), "The idle time-out") * 60,
                roles,
                current.disableUnusedAfterDays());
        try {
            policies.check(policy);
        } catch (AccountChangeRefused | AccountDetailsInvalid refused) {
            throw new SurveyAnswerRefused(String.valueOf(refused.getMessage()));
        }
        return policy;
    }

    private void checkIdentifiers(Answers typed, Map<String, String> answers) {
        boolean allowed = typed.yes("identifiersAllowed");
        answers.put("identifiersAllowed", String.valueOf(allowed));
        if (!allowed) {
            answers.put("identifiers", "");
            return;
        }
        Set<String> chosen = typed.choices("identifiers");
        if (chosen.isEmpty()) {
            throw new SurveyAnswerRefused(
                    "Tick the identifying details you record, or answer that you record none at all.");
        }
        if (!identifiers.offered().keySet().containsAll(chosen)) {
            throw new SurveyAnswerRefused("Choose identifying details from the list.");
        }
    }

    private void checkMeasures(Answers typed) {
        Set<String> chosen = typed.choices("measures");
        List<String> problems = new ArrayList<>();
        for (String kept : measures.kept()) {
            if (!chosen.contains(kept)) {
                problems.add(kept + " is the service's primary or feedback measure and stays on.");
            }
        }
        List<String> types = typed.names("sessionTypes");
        if (types.isEmpty()) {
            problems.add("Name at least one kind of session.");
        }
        if (types.stream().anyMatch(name -> name.length() > 60)) {
            problems.add("A session type's name is up to 60 characters.");
        }
        if (types.stream().map(name -> name.toLowerCase(Locale.ROOT)).distinct().count() < types.size()) {
            problems.add("Each session type is named once.");
        }
        refuseIfAny(problems);
    }

    private void checkTeamsAndInvitations(Answers typed) {
        List<String> problems = new ArrayList<>();
        List<String> teams = typed.names("teams");
        if (teams.stream().anyMatch(name -> name.length() > 100)) {
            problems.add("A team's name is up to 100 characters.");
        }
        Set<String> known = new java.util.HashSet<>();
        teams.forEach(name -> known.add(name.toLowerCase(Locale.ROOT)));
        accounts.teams().stream().map(Team::name).forEach(name -> known.add(name.toLowerCase(Locale.ROOT)));
        for (Answers.Invitee invitee : typed.invitees()) {
            String who = invitee.name().isEmpty() ? invitee.email() : invitee.name();
            if (invitee.name().isEmpty() || invitee.name().length() > 200) {
                problems.add("Give " + who + " a name of 1 to 200 characters.");
            }
            if (!invitee.email().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                problems.add("Give " + who + " an e-mail address such as name@example.org.");
            }
            if (EnumSet.allOf(Role.class).stream().noneMatch(role -> role.name().equals(invitee.role()))) {
                problems.add("Choose a role for " + who + ".");
            }
            if (!invitee.team().isEmpty() && !known.contains(invitee.team().toLowerCase(Locale.ROOT))) {
                problems.add("The team for " + who + " is not one of the teams named above.");
            }
        }
        refuseIfAny(problems);
    }

    private static void refuseIfAny(List<String> problems) {
        if (!problems.isEmpty()) {
            throw new SurveyAnswerRefused(String.join(" ", problems));
        }
    }

    private static int number(String typed, String what) {
        if (!typed.strip().matches("[0-9]{1,6}")) {
            throw new SurveyAnswerRefused(what + " must be a whole number, such as 15.");
        }
        return Integer.parseInt(typed.strip());
    }

    private static List<String> invitationQuestions() {
        List<String> questions = new ArrayList<>(List.of("teams"));
        for (int n = 0; n < Answers.INVITATION_ROWS; n++) {
            for (String part : List.of("name", "email", "role", "team")) {
                questions.add("invite." + n + "." + part);
            }
        }
        return List.copyOf(questions);
    }
}
