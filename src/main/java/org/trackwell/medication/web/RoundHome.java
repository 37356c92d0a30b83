package org.trackwell.medication.web;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.trackwell.identity.Accounts;
import org.trackwell.identity.Role;
import org.trackwell.identity.SignedInUser;
import org.trackwell.identity.Team;
import org.trackwell.medication.internal.MedicationRound;
import org.trackwell.medication.internal.RoundDose;
import org.trackwell.web.HomePart;
import org.trackwell.web.HomeSection;

/** A carer's home: today's round for each of their teams, what is due, overdue or missed. */
@Component
class RoundHome implements HomePart {

    /** One team's round as the home page shows it: the doses to give now, and how many were missed. */
    record TeamRound(Team team, List<RoundDose> now, long missed, long upcoming) {}

    private final MedicationRound round;
    private final Accounts accounts;

    RoundHome(MedicationRound round, Accounts accounts) {
        this.round = round;
        this.accounts = accounts;
    }

    @Override
    public Optional<HomeSection> of(SignedInUser user) {
        if (!user.has(Role.CARER)) {
            return Optional.empty();
        }
        List<TeamRound> rounds = accounts.teams().stream()
                .filter(team -> user.teams().contains(team.id()))
                .map(team -> teamRound(user, team))
                .toList();
        return Optional.of(
                new HomeSection(HomeSection.CARER, "Today's medication round", "medication/home", "round", rounds));
    }

    private TeamRound teamRound(SignedInUser user, Team team) {
        List<RoundDose> doses = round.of(user, team.id()).doses();
        return new TeamRound(
                team,
                doses.stream()
                        .filter(d -> d.status() == RoundDose.Status.OVERDUE || d.status() == RoundDose.Status.DUE)
                        .toList(),
                doses.stream()
                        .filter(d -> d.status() == RoundDose.Status.MISSED)
                        .count(),
                doses.stream()
                        .filter(d -> d.status() == RoundDose.Status.UPCOMING)
                        .count());
    }
}
