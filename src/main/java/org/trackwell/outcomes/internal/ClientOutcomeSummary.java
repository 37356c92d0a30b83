package org.trackwell.outcomes.internal;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trackwell.clients.ClientRef;
import org.trackwell.outcomes.ClientOutcomes;
import org.trackwell.shared.ServiceTimeZone;

/** A client's progress and goals, cut down to first and latest, for the client summary. */
@Service
class ClientOutcomeSummary implements ClientOutcomes {

    private final Progress progress;
    private final Goals goals;
    private final ServiceTimeZone zone;

    ClientOutcomeSummary(Progress progress, Goals goals, ServiceTimeZone zone) {
        this.progress = progress;
        this.goals = goals;
        this.zone = zone;
    }

    @Override
    @Transactional(readOnly = true)
    public Summary of(ClientRef client) {
        List<EpisodeScores> episodes = progress.of(client).episodes().stream()
                .map(episode -> new EpisodeScores(
                        episode.episodeId(),
                        episode.referredOn(),
                        episode.closedOn(),
                        episode.measures().stream()
                                .filter(m -> !m.points().isEmpty())
                                .map(this::scores)
                                .toList(),
                        episode.talkingTherapies().summary()))
                .toList();
        List<GoalRatings> ratings = goals.of(client).stream()
                .map(goal -> new GoalRatings(
                        goal.kind() == Goal.Kind.GOAL ? "Goal" : "Problem",
                        goal.wording(),
                        goal.open(),
                        goal.ratings().isEmpty()
                                ? null
                                : goal.ratings().getFirst().rating(),
                        goal.ratings().isEmpty()
                                ? null
                                : goal.ratings().getLast().rating()))
                .toList();
        return new Summary(episodes, ratings);
    }

    private MeasureScores scores(MeasureProgress measure) {
        MeasureProgress.Point first = measure.points().getFirst();
        MeasureProgress.Point latest = measure.points().getLast();
        return new MeasureScores(
                measure.measure().title(),
                day(first),
                first.total(),
                day(latest),
                latest.total(),
                latest.band(),
                words(measure.change()));
    }

    private LocalDate day(MeasureProgress.Point point) {
        return point.at().atZone(zone.zone()).toLocalDate();
    }

    private static String words(@Nullable Change change) {
        if (change == null) {
            return "One score so far";
        }
        if (change.reliableRecovery()) {
            return "Reliable recovery";
        }
        if (change.reliableImprovement()) {
            return "Reliable improvement";
        }
        if (change.reliableDeterioration()) {
            return "Reliable deterioration";
        }
        return change.recovery() ? "Recovered, without reliable change" : "No reliable change";
    }
}
