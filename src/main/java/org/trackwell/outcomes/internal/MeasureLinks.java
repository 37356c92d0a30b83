package org.trackwell.outcomes.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trackwell.audit.AuditAction;
import org.trackwell.audit.AuditTrail;
import org.trackwell.audit.Outcome;
import org.trackwell.clients.ClientRef;
import org.trackwell.clients.Clients;
import org.trackwell.identity.SignedInUser;
import org.trackwell.mail.Mailer;
import org.trackwell.outcomes.internal.ClientSessionRows.StoredSession;
import org.trackwell.outcomes.internal.LinkRows.Kind;
import org.trackwell.outcomes.internal.LinkRows.StoredLink;
import org.trackwell.shared.CurrentTenant;
import org.trackwell.shared.Ids;
import org.trackwell.shared.ServiceTimeZone;
import org.trackwell.shared.Tokens;
import org.trackwell.shared.UserId;

/**
 * Links a client opens without an account to answer the measures for a session: single use and
 * expiring, shown once or e-mailed with consent. A link shows nothing that identifies the client
 * beyond the service's name.
 */
@Service
public class MeasureLinks {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy");

    private final Clients clients;
    private final MeasureCatalogue catalogue;
    private final TeamMeasures teamMeasures;
    private final ClientSessions sessions;
    private final ClientSessionRows sessionRows;
    private final LinkRows rows;
    private final LinkTokens links;
    private final Mailer mailer;
    private final Tokens tokens;
    private final AuditTrail trail;
    private final Ids ids;
    private final Clock clock;
    private final ServiceTimeZone zone;

    MeasureLinks(
            Clients clients,
            MeasureCatalogue catalogue,
            TeamMeasures teamMeasures,
            ClientSessions sessions,
            ClientSessionRows sessionRows,
            LinkRows rows,
            LinkTokens links,
            Mailer mailer,
            Tokens tokens,
            AuditTrail trail,
            Ids ids,
            Clock clock,
            ServiceTimeZone zone) {
        this.clients = clients;
        this.catalogue = catalogue;
        this.teamMeasures = teamMeasures;
        this.sessions = sessions;
        this.sessionRows = sessionRows;
        this.rows = rows;
        this.links = links;
        this.mailer = mailer;
        this.tokens = tokens;
        this.trail = trail;
        this.ids = ids;
        this.clock = clock;
        this.zone = zone;
    }

    /** A measure link as issued: the address is shown or sent once and never stored. */
    public record IssuedLink(UUID id, String url, Instant expiresAt, boolean emailed) {

        @Override
        public String toString() {
            return "IssuedLink[" + id + "]";
        }
    }

    /** What a measure link shows: the service's name and the questionnaires. */
    public record MeasureForm(String serviceName, List<Measure> measures) {}

    /**
     * A link to the measures planned for a session and not yet answered (or those given), shown to
     * the client or e-mailed to them when they consented and an address is on file.
     */
    @Transactional
    public IssuedLink measureLink(
            SignedInUser user, ClientRef client, UUID session, @Nullable List<String> measures, boolean email) {
        StoredSession stored = sessionRows.find(client.id(), session).orElseThrow(SessionNotFound::new);
        List<String> chosen = measures == null ? unanswered(client, stored) : measures;
        for (String measure : chosen) {
            teamMeasures.requireOffered(client, measure);
        }
        if (chosen.isEmpty()) {
            throw new SessionChangeRefused("Every measure planned for this session has been answered.");
        }
        String address = email
                ? clients.emailForMeasures(client)
                        .orElseThrow(() -> new SessionChangeRefused(
                                "The client has not agreed to measures by e-mail, or no e-mail address is on file."))
                : null;
        IssuedLink link = Objects.requireNonNull(
                issue(client, session, chosen, null, user.id()), "only a scheduled link can already have been sent");
        if (address != null) {
            mail(address, link);
        }
        trail.record(
                email ? AuditAction.CLIENT_LINK_EMAILED : AuditAction.CLIENT_LINK_CREATED,
                client.auditTarget(),
                Outcome.SUCCESS);
        return new IssuedLink(link.id(), link.url(), link.expiresAt(), address != null);
    }

    /** Sends a scheduled link once per session and purpose; false if there is nothing to send. */
    boolean sendScheduled(ClientRef client, StoredSession session, List<String> measures, String purpose) {
        if (measures.isEmpty()) {
            return false;
        }
        return clients.emailForMeasures(client)
                .map(address -> {
                    IssuedLink link = issue(client, session.id(), measures, purpose, null);
                    if (link == null) {
                        return false;
                    }
                    mail(address, link);
                    trail.record(AuditAction.CLIENT_LINK_SCHEDULED, client.auditTarget(), Outcome.SUCCESS);
                    return true;
                })
                .orElse(false);
    }

    @Transactional
    public MeasureForm openMeasureLink(String token) {
        StoredLink link = links.usable(token, Kind.MEASURES);
        trail.record(AuditAction.CLIENT_LINK_OPENED, LinkTokens.target(link), Outcome.SUCCESS);
        return new MeasureForm(
                links.serviceName(),
                link.measures().stream().map(catalogue::requireEnabled).toList());
    }

    /**
     * The client's answers, measure by measure; the link is used up in the same transaction, so a
     * second submission or a failed one changes nothing.
     */
    @Transactional
    public void submit(String token, Map<String, ? extends Map<String, ? extends @Nullable Integer>> answers) {
        StoredLink link = links.usable(token, Kind.MEASURES);
        if (!rows.use(link.id(), clock.instant())) {
            throw LinkUnusable.gone("This link has already been used.");
        }
        ClientRef client = clients.byId(link.clientId()).orElseThrow(LinkUnusable::unknown);
        for (String measure : link.measures()) {
            try {
                sessions.answerAsClient(
                        client,
                        Objects.requireNonNull(link.sessionId(), "a measures link names its session"),
                        measure,
                        Objects.requireNonNullElse(answers.get(measure), Map.of()));
            } catch (SessionChangeRefused alreadyAnswered) {
                // The practitioner recorded it first; the client's copy adds nothing.
            }
        }
        trail.record(AuditAction.CLIENT_LINK_COMPLETED, client.auditTarget(), Outcome.SUCCESS);
    }

    private @Nullable IssuedLink issue(
            ClientRef client, UUID session, List<String> measures, @Nullable String purpose, @Nullable UserId by) {
        String token = tokens.newToken();
        Instant now = clock.instant();
        Instant expires = now.plus(Duration.ofDays(catalogue.settings().linkValidityDays()));
        UUID id = ids.next();
        boolean stored = rows.insert(
                CurrentTenant.require(),
                id,
                Tokens.hash(token),
                Kind.MEASURES,
                client.id(),
                session,
                measures,
                null,
                expires,
                purpose,
                by,
                now);
        return stored ? new IssuedLink(id, links.baseUrl() + "/c/" + token, expires, false) : null;
    }

    private void mail(String address, IssuedLink link) {
        String service = links.serviceName();
        mailer.send(
                address,
                "Questions from " + service,
                "Hello,\n\n" + service + " would like you to answer a few short questions before or after your "
                        + "session. Open this link on your phone or computer:\n\n" + link.url()
                        + "\n\nThe link works once and until "
                        + DAY.format(link.expiresAt().atZone(zone.zone()))
                        + ". If you were not expecting this, you can ignore it.\n");
    }

    private List<String> unanswered(ClientRef client, StoredSession session) {
        List<String> answered = new ArrayList<>();
        sessionRows.answersOf(client.id()).stream()
                .filter(a -> a.sessionId().equals(session.id()))
                .forEach(a -> answered.add(a.measureId()));
        return session.plannedMeasures().stream()
                .filter(m -> !answered.contains(m))
                .toList();
    }
}
