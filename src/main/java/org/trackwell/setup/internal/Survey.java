package org.trackwell.setup.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trackwell.clients.ClientIdentifiers;
import org.trackwell.identity.Accounts;
import org.trackwell.identity.Invitation;
import org.trackwell.identity.Policies;
import org.trackwell.identity.Role;
import org.trackwell.identity.SecurityPolicy;
import org.trackwell.identity.Team;
import org.trackwell.identity.User;
import org.trackwell.outcomes.MeasureSetup;
import org.trackwell.shared.CurrentTenant;
import org.trackwell.shared.StepUp;
import org.trackwell.shared.UserId;
import org.trackwell.tenancy.ModulesUsed;
import org.trackwell.tenancy.OptionalModule;

/**
 * The tenant's implementation survey: the draft kept between steps, and applying it. Applying
 * changes each setting through its own module's service, so each change is checked and audited
 * as if made on its settings page; it is one transaction, so a refusal leaves everything as it was.
 */
@Service
public class Survey {

    private final SurveyRows rows;
    private final Steps steps;
    private final Policies policies;
    private final ClientIdentifiers identifiers;
    private final MeasureSetup measures;
    private final Accounts accounts;
    private final ModulesUsed modules;
    private final StepUp stepUp;
    private final Clock clock;

    Survey(
            SurveyRows rows,
            Steps steps,
            Policies policies,
            ClientIdentifiers identifiers,
            MeasureSetup measures,
            Accounts accounts,
            ModulesUsed modules,
            StepUp stepUp,
            Clock clock) {
        this.rows = rows;
        this.steps = steps;
        this.policies = policies;
        this.identifiers = identifiers;
        this.measures = measures;
        this.accounts = accounts;
        this.modules = modules;
        this.stepUp = stepUp;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public Answers saved() {
        return new Answers(rows.answers());
    }

    @Transactional(readOnly = true)
    public Optional<SurveyState> state() {
        return rows.find();
    }

    /** Checks one step's answers and keeps them in the draft; refused answers keep nothing. */
    @Transactional
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public void answer(UserId by, int step, Answers typed) {
        Map<String, String> answers = steps.check(step, typed);
        rows.save(CurrentTenant.require(), by, clock.instant(), answers);
    }

    /** Applies every answer as settings, teams and invitations; the invitations made are returned. */
    @Transactional
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public List<Invitation> apply(UserId by) {
        stepUp.requireRecentConfirmation();
        Answers answers = steps.withSuggestions(saved());
        for (int step = 1; step <= Steps.LAST; step++) {
            steps.check(step, answers);
        }
        SecurityPolicy policy = steps.policyOf(answers);
        if (!policy.equals(policies.current())) {
            policies.change(policy);
        }
        modules.change(modulesOf(answers));
        identifiers.choose(answers.yes("identifiersAllowed") ? answers.choices("identifiers") : Set.of());
        if (answers.yes("outcomes")) {
            measures.change(answers.choices("measures"), answers.names("sessionTypes"));
        }
        List<Team> teams = createTeams(answers.names("teams"));
        List<Invitation> invitations = invite(answers.invitees(), teams);
        rows.applied(by, clock.instant());
        return invitations;
    }

    private static Set<OptionalModule> modulesOf(Answers answers) {
        Set<OptionalModule> used = EnumSet.noneOf(OptionalModule.class);
        if (answers.yes("outcomes")) {
            used.add(OptionalModule.OUTCOMES);
        }
        if (answers.yes("medication")) {
            used.add(OptionalModule.MEDICATION);
        }
        return used;
    }

    private List<Team> createTeams(List<String> names) {
        List<Team> teams = new ArrayList<>(accounts.teams());
        for (String name : new LinkedHashSet<>(names)) {
            if (teams.stream().noneMatch(team -> team.name().equalsIgnoreCase(name))) {
                teams.add(accounts.createTeam(name));
            }
        }
        return teams;
    }

    /** Invites the people who have no account yet, so that applying again invites nobody twice. */
    private List<Invitation> invite(List<Answers.Invitee> invitees, List<Team> teams) {
        Set<String> known = new HashSet<>();
        accounts.list().stream().map(User::email).forEach(email -> known.add(email.toLowerCase(Locale.ROOT)));
        List<Invitation> invitations = new ArrayList<>();
        for (Answers.Invitee invitee : invitees) {
            if (known.add(invitee.email().toLowerCase(Locale.ROOT))) {
                List<UUID> team = teams.stream()
                        .filter(t -> t.name().equalsIgnoreCase(invitee.team()))
                        .map(Team::id)
                        .toList();
                invitations.add(
                        accounts.invite(invitee.email(), invitee.name(), Set.of(Role.valueOf(invitee.role())), team));
            }
        }
        return invitations;
    }
}
