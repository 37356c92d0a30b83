package org.trackwell.outcomes.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trackwell.audit.AuditAction;
import org.trackwell.audit.AuditTrail;
import org.trackwell.audit.Outcome;
import org.trackwell.clients.ClientRef;
import org.trackwell.clients.Clients;
import org.trackwell.clients.IdentifyingTextGuard;
import org.trackwell.identity.SignedInUser;
import org.trackwell.keys.FieldAddress;
import org.trackwell.keys.FieldEncryption;
import org.trackwell.outcomes.internal.GoalRows.StoredGoal;
import org.trackwell.outcomes.internal.GoalRows.StoredRating;
import org.trackwell.outcomes.internal.GoalRows.StoredWording;
import org.trackwell.shared.CurrentTenant;
import org.trackwell.shared.Ids;
import org.trackwell.shared.NothingHere;

/**
 * Goal-based outcomes and problem ratings in the client's own words. Wording is sealed free text
 * with the identifying-text warning; rewording keeps the earlier words.
 */
@Service
public class Goals {

    private static final int MAX_WORDING = 500;

    private final Clients clients;
    private final MeasureCatalogue catalogue;
    private final GoalRows rows;
    private final ClientSessionRows sessions;
    private final FieldEncryption encryption;
    private final IdentifyingTextGuard guard;
    private final AuditTrail trail;
    private final Ids ids;
    private final Clock clock;

    Goals(
            Clients clients,
            MeasureCatalogue catalogue,
            GoalRows rows,
            ClientSessionRows sessions,
            FieldEncryption encryption,
            IdentifyingTextGuard guard,
            AuditTrail trail,
            Ids ids,
            Clock clock) {
        this.clients = clients;
        this.catalogue = catalogue;
        this.rows = rows;
        this.sessions = sessions;
        this.encryption = encryption;
        this.guard = guard;
        this.trail = trail;
        this.ids = ids;
        this.clock = clock;
    }

    @Transactional
    public Goal add(
            SignedInUser user,
            ClientRef client,
            Goal.Kind kind,
            String wording,
            Goal.@Nullable ProblemDuration duration,
            boolean acknowledged) {
        String text = requireWording(wording);
        if (kind == Goal.Kind.GOAL) {
            int max = catalogue.settings().maxGoals();
            long open = rows.ofClient(client.id()).stream()
                    .filter(g -> g.kind() == Goal.Kind.GOAL && g.closedAt() == null)
                    .count();
            if (open >= max) {
                throw new SessionChangeRefused(
                        "The client already has " + max + " open goals, the most this service uses. Close one first.");
            }
        }
        guard.check(text, acknowledged, client.auditTarget());
        UUID id = ids.next();
        Instant now = clock.instant();
        rows.insert(
                CurrentTenant.require(),
                id,
                client.id(),
                kind,
                kind == Goal.Kind.PROBLEM ? duration : null,
                user.id(),
                now);
        addWording(client, id, text, user, now);
        trail.record(
                kind == Goal.Kind.GOAL ? AuditAction.GOAL_ADDED : AuditAction.PROBLEM_ADDED,
                client.auditTarget(),
                Outcome.SUCCESS);
        return find(client, id);
    }

    @Transactional
    public Goal reword(SignedInUser user, ClientRef client, UUID goal, String wording, boolean acknowledged) {
        Goal current = find(client, goal);
        if (!current.open()) {
            throw new SessionChangeRefused("This is closed and can no longer be reworded.");
        }
        String text = requireWording(wording);
        guard.check(text, acknowledged, client.auditTarget());
        addWording(client, goal, text, user, clock.instant());
        trail.record(AuditAction.GOAL_REWORDED, client.auditTarget(), Outcome.SUCCESS);
        return find(client, goal);
    }

    @Transactional
    public void close(SignedInUser user, ClientRef client, UUID goal) {
        find(client, goal);
        if (!rows.close(client.id(), goal, user.id(), clock.instant())) {
            throw new SessionChangeRefused("This is already closed.");
        }
        trail.record(AuditAction.GOAL_CLOSED, client.auditTarget(), Outcome.SUCCESS);
    }

    /** Ratings given at a session, goal by goal; each goal is rated once per session. */
    @Transactional
    public void rate(ClientRef client, UUID session, Map<UUID, Integer> ratings) {
        rateAt(client, session, ratings, CompletedBy.PRACTITIONER);
    }

    void rateAt(ClientRef client, UUID session, Map<UUID, Integer> ratings, CompletedBy by) {
        sessions.find(client.id(), session).orElseThrow(SessionNotFound::new);
        Map<UUID, StoredGoal> goals = new HashMap<>();
        rows.ofClient(client.id()).forEach(g -> goals.put(g.id(), g));
        for (Map.Entry<UUID, Integer> rating : ratings.entrySet()) {
            StoredGoal goal = goals.get(rating.getKey());
            if (goal == null || goal.closedAt() != null) {
                throw new SessionChangeRefused("Only the client's open goals and problems can be rated.");
            }
            if (rating.getValue() == null || rating.getValue() < 0 || rating.getValue() > 10) {
                throw new AnswersInvalid("Ratings are whole numbers from 0 to 10.");
            }
            if (!rows.rate(CurrentTenant.require(), goal.id(), session, rating.getValue(), by, clock.instant())) {
                throw new SessionChangeRefused("That goal has already been rated at this session.");
            }
        }
        trail.record(AuditAction.GOAL_RATED, client.auditTarget(), Outcome.SUCCESS);
    }

    /** A client's goals and problems; the caller has recorded the read. */
    @Transactional(readOnly = true)
    public List<Goal> of(ClientRef client) {
        Map<UUID, List<Goal.Wording>> wordings = new HashMap<>();
        for (StoredWording wording : rows.wordingsOf(client.id())) {
            wordings.computeIfAbsent(wording.goalId(), k -> new ArrayList<>())
                    .add(new Goal.Wording(
                            encryption.open(address(client, wording.id()), wording.text()), wording.writtenAt()));
        }
        Map<UUID, List<Goal.Rating>> ratings = new HashMap<>();
        for (StoredRating rating : rows.ratingsOf(client.id())) {
            ratings.computeIfAbsent(rating.goalId(), k -> new ArrayList<>())
                    .add(new Goal.Rating(rating.sessionId(), rating.sessionAt(), rating.rating(), rating.by()));
        }
        return rows.ofClient(client.id()).stream()
                .map(goal -> {
                    List<Goal.Wording> history = wordings.getOrDefault(goal.id(), List.of());
                    return new Goal(
                            goal.id(),
                            goal.kind(),
                            history.isEmpty() ? "" : history.getLast().text(),
                            history.isEmpty() ? List.of() : history.subList(0, history.size() - 1),
                            goal.duration(),
                            goal.openedAt(),
                            goal.closedAt(),
                            ratings.getOrDefault(goal.id(), List.of()));
                })
                .toList();
    }

    private Goal find(ClientRef client, UUID goal) {
        return of(client).stream().filter(g -> g.id().equals(goal)).findFirst().orElseThrow(NothingHere::new);
    }

    private void addWording(ClientRef client, UUID goal, String text, SignedInUser user, Instant now) {
        UUID id = ids.next();
        rows.addWording(CurrentTenant.require(), id, goal, encryption.seal(address(client, id), text), user.id(), now);
    }

    private static String requireWording(String wording) {
        String text = wording == null ? "" : wording.strip();
        if (text.isEmpty() || text.length() > MAX_WORDING) {
            throw new AnswersInvalid("Say it in the client's words, in 1 to " + MAX_WORDING + " characters.");
        }
        return text;
    }

    private static FieldAddress address(ClientRef client, UUID wording) {
        return FieldAddress.ofClient(
                CurrentTenant.require(), client.id(), "client_goal_wording", "text", wording.toString());
    }
}
