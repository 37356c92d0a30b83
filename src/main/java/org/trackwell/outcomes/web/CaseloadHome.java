package org.trackwell.outcomes.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.trackwell.clients.CaseloadFilter;
import org.trackwell.clients.ClientRef;
import org.trackwell.clients.ClientSummary;
import org.trackwell.clients.Clients;
import org.trackwell.clients.PseudonymCode;
import org.trackwell.identity.Role;
import org.trackwell.identity.SignedInUser;
import org.trackwell.outcomes.internal.ClientSession;
import org.trackwell.outcomes.internal.ClientSessions;
import org.trackwell.outcomes.internal.Measure;
import org.trackwell.outcomes.internal.MeasureAdministration;
import org.trackwell.outcomes.internal.MeasureCatalogue;
import org.trackwell.shared.ServiceTimeZone;
import org.trackwell.web.HomePart;
import org.trackwell.web.HomeSection;

/**
 * A practitioner's home: their clients in an open episode, each with its flags and the measures
 * still to be answered at its next session (today's, or the next one booked).
 */
@Component
class CaseloadHome implements HomePart {

    /** A client on the caseload, its next session if one is booked, and the measures due at it. */
    record CaseloadLine(
            PseudonymCode client,
            List<String> flags,
            @Nullable Instant nextSession,
            List<String> measuresDue) {}

    private final Clients clients;
    private final ClientSessions sessions;
    private final MeasureCatalogue catalogue;
    private final ServiceTimeZone zone;
    private final Clock clock;

    CaseloadHome(
            Clients clients, ClientSessions sessions, MeasureCatalogue catalogue, ServiceTimeZone zone, Clock clock) {
        this.clients = clients;
        this.sessions = sessions;
        this.catalogue = catalogue;
        this.zone = zone;
        this.clock = clock;
    }

    @Override
    public Optional<HomeSection> of(SignedInUser user) {
        if (!user.has(Role.PRACTITIONER)) {
            return Optional.empty();
        }
        List<CaseloadLine> lines =
                clients.caseload(user, new CaseloadFilter(null, user.id().value(), "OPEN"), 0).stream()
                        .limit(Clients.pageSize())
                        .map(this::line)
                        .toList();
        return Optional.of(
                new HomeSection(HomeSection.PRACTITIONER, "Your caseload", "outcomes/home", "caseload", lines));
    }

    private CaseloadLine line(ClientSummary summary) {
        ClientRef client = new ClientRef(summary.id(), summary.code(), summary.teamId());
        Instant startOfToday = LocalDate.now(clock.withZone(zone.zone()))
                .atStartOfDay(zone.zone())
                .toInstant();
        Optional<ClientSession> next = sessions.of(client).stream()
                .filter(s -> s.episodeId().equals(summary.episodeId()))
                .filter(s -> s.attendance() == null && !s.startsAt().isBefore(startOfToday))
                .min(Comparator.comparing(ClientSession::startsAt));
        return new CaseloadLine(
                summary.code(),
                clients.openFlags(client),
                next.map(ClientSession::startsAt).orElse(null),
                next.map(this::measuresDue).orElse(List.of()));
    }

    private List<String> measuresDue(ClientSession session) {
        Set<String> answered = session.measures().stream()
                .map(MeasureAdministration::measureId)
                .collect(Collectors.toSet());
        return session.plannedMeasures().stream()
                .filter(measure -> !answered.contains(measure))
                .map(measure -> catalogue.find(measure).map(Measure::title).orElse(measure))
                .toList();
    }
}
