package org.trackwell.outcomes.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.trackwell.audit.AuditAction;
import org.trackwell.clients.ClientRef;
import org.trackwell.clients.ReachedClient;
import org.trackwell.identity.SignedInUser;
import org.trackwell.outcomes.internal.CompletedBy;
import org.trackwell.outcomes.internal.Goal;
import org.trackwell.outcomes.internal.Goals;

/** A client's goals and problems in their own words. */
@RestController
@RequestMapping("/api/v1")
class GoalsApi {

    private final Goals goals;

    GoalsApi(Goals goals) {
        this.goals = goals;
    }

    record GoalRequest(
            Goal.@Nullable Kind kind,
            @NotNull @Size(max = 500) String wording,
            Goal.@Nullable ProblemDuration duration,
            @Nullable Boolean acknowledgeIdentifying) {}

    /** A goal or problem as the API shows it, with its earlier wordings and its ratings. */
    record GoalView(
            UUID id,
            Goal.Kind kind,
            String wording,
            List<WordingView> earlierWordings,
            Goal.@Nullable ProblemDuration duration,
            Instant openedAt,
            @Nullable Instant closedAt,
            List<RatingView> ratings) {

        static GoalView of(Goal goal) {
            return new GoalView(
                    goal.id(),
                    goal.kind(),
                    goal.wording(),
                    goal.earlierWordings().stream()
                            .map(wording -> new WordingView(wording.text(), wording.writtenAt()))
                            .toList(),
                    goal.duration(),
                    goal.openedAt(),
                    goal.closedAt(),
                    goal.ratings().stream()
                            .map(rating -> new RatingView(
                                    rating.sessionId(), rating.sessionAt(), rating.rating(), rating.by()))
                            .toList());
        }
    }

    record WordingView(String text, Instant writtenAt) {}

    record RatingView(UUID sessionId, Instant sessionAt, int rating, CompletedBy by) {}

    @GetMapping("/clients/{code}/goals")
    List<GoalView> goals(@ReachedClient(viewed = AuditAction.GOALS_VIEWED) ClientRef client) {
        return goals.of(client).stream().map(GoalView::of).toList();
    }

    @PostMapping("/clients/{code}/goals")
    @ResponseStatus(HttpStatus.CREATED)
    GoalView addGoal(
            @AuthenticationPrincipal SignedInUser user,
            @ReachedClient ClientRef client,
            @Valid @RequestBody GoalRequest body) {
        return GoalView.of(goals.add(
                user,
                client,
                body.kind() == null ? Goal.Kind.GOAL : body.kind(),
                body.wording(),
                body.duration(),
                Boolean.TRUE.equals(body.acknowledgeIdentifying())));
    }

    @PutMapping("/clients/{code}/goals/{goal}")
    GoalView reword(
            @AuthenticationPrincipal SignedInUser user,
            @ReachedClient ClientRef client,
            @PathVariable UUID goal,
            @Valid @RequestBody GoalRequest body) {
        return GoalView.of(
                goals.reword(user, client, goal, body.wording(), Boolean.TRUE.equals(body.acknowledgeIdentifying())));
    }

    @PostMapping("/clients/{code}/goals/{goal}/close")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void closeGoal(
            @AuthenticationPrincipal SignedInUser user, @ReachedClient ClientRef client, @PathVariable UUID goal) {
        goals.close(user, client, goal);
    }
}
