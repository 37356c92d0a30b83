package org.trackwell.outcomes.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
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
import org.trackwell.database.TenantTransactions;
import org.trackwell.identity.SignedInUser;
import org.trackwell.mail.Mailer;
import org.trackwell.outcomes.internal.ClientSessionRows.StoredSession;
import org.trackwell.outcomes.internal.LinkRows.Kind;
import org.trackwell.outcomes.internal.LinkRows.StoredLink;
import org.trackwell.shared.CurrentTenant;
import org.trackwell.shared.Ids;
import org.trackwell.shared.ServiceTimeZone;
import org.trackwell.shared.TenantId;
import org.trackwell.shared.Tokens;
import org.trackwell.shared.UserId;
import org.trackwell.tenancy.Tenant;
import org.trackwell.tenancy.Tenants;

/**
 * Links a client opens without an account: measures to answer for a session (single use, expiring)
 * and their progress charts behind a PIN given separately (expiring, revocable, locked after five
 * wrong PINs). A link shows nothing that identifies the client beyond the service's name.
 */
@Service
public class ClientLinks {

    static final int PIN_TRIES = 5;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy");

    private final Clients clients;
    private final MeasureCatalogue catalogue;
    private final ClientSessions sessions;
    private final Progress progress;
    private final Goals goals;
    private final ClientSessionRows sessionRows;
    private final LinkRows rows;
    private final Tenants tenants;
    private final TenantTransactions transactions;
    private final Mailer mailer;
    private final Tokens tokens;
    private final SecureRandom random;
    private final AuditTrail trail;
    private final Ids ids;
    private final Clock clock;
    private final ServiceTimeZone zone;

    ClientLinks(
            Clients clients,
            MeasureCatalogue catalogue,
            ClientSessions sessions,
            Progress progress,
            Goals goals,
            ClientSessionRows sessionRows,
            LinkRows rows,
            Tenants tenants,
            TenantTransactions transactions,
            Mailer mailer,
            Tokens tokens,
            SecureRandom random,
            AuditTrail trail,
            Ids ids,
            Clock clock,
            ServiceTimeZone zone) {
        this.zone = zone;
        this.clients = clients;
        this.catalogue = catalogue;
        this.sessions = sessions;
        this.progress = progress;
        this.goals = goals;
        this.sessionRows = sessionRows;
        this.rows = rows;
        this.tenants = tenants;
        this.transactions = transactions;
        this.mailer = mailer;
        this.tokens = tokens;
        this.random = random;
        this.trail = trail;
        this.ids = ids;
        this.clock = clock;
    }

    /** A measure link as issued: the address is shown or sent once and never stored. */
    public record IssuedLink(UUID id, String url, Instant expiresAt, boolean emailed) {

        @Override
        public String toString() {
            return "IssuedLink[" + id + "]";
        }
    }

    /** A chart link as issued, with its PIN, to give the client separately. */
    public record IssuedChartLink(UUID id, String url, String pin, Instant expiresAt) {

        @Override
        public String toString() {
            return "IssuedChartLink[" + id + "]";
        }
    }

    public record ChartLink(UUID id, Instant createdAt, Instant expiresAt, boolean revoked, boolean locked) {}

    /** What a measure link shows: the service's name and the questionnaires. */
    public record MeasureForm(String serviceName, List<Measure> measures) {}

    /** What a chart link shows once the PIN is right. */
    public record SharedCharts(String serviceName, ClientProgress progress, List<Goal> goals) {}

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
            catalogue.requireEnabled(measure);
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
        StoredLink link = usable(token, Kind.MEASURES);
        trail.record(AuditAction.CLIENT_LINK_OPENED, target(link), Outcome.SUCCESS);
        return new MeasureForm(
                serviceName(),
                link.measures().stream().map(catalogue::requireEnabled).toList());
    }

    /**
     * The client's answers, measure by measure; the link is used up in the same transaction, so a
     * second submission or a failed one changes nothing.
     */
    @Transactional
    public void submit(String token, Map<String, ? extends Map<String, ? extends @Nullable Integer>> answers) {
        StoredLink link = usable(token, Kind.MEASURES);
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

    @Transactional
    public IssuedChartLink chartLink(SignedInUser user, ClientRef client) {
        String token = tokens.newToken();
        String pin = String.format("%06d", random.nextInt(1_000_000));
        Instant now = clock.instant();
        Instant expires = now.plus(Duration.ofDays(catalogue.settings().chartLinkValidityDays()));
        UUID id = ids.next();
        rows.insert(
                CurrentTenant.require(),
                id,
                Tokens.hash(token),
                Kind.CHARTS,
                client.id(),
                null,
                List.of(),
                pinHash(token, pin),
                expires,
                null,
                user.id(),
                now);
        trail.record(AuditAction.CHART_LINK_CREATED, client.auditTarget(), Outcome.SUCCESS);
        return new IssuedChartLink(id, baseUrl() + "/p/" + token, pin, expires);
    }

    @Transactional(readOnly = true)
    public List<ChartLink> chartLinks(ClientRef client) {
        return rows.chartLinksOf(client.id()).stream()
                .map(link -> new ChartLink(
                        link.id(),
                        link.createdAt(),
                        link.expiresAt(),
                        link.revokedAt() != null,
                        link.failedPins() >= PIN_TRIES))
                .toList();
    }

    @Transactional
    public void revoke(ClientRef client, UUID link) {
        if (!rows.revoke(client.id(), link, clock.instant())) {
            throw new SessionChangeRefused("That link is not active for this client.");
        }
        trail.record(AuditAction.CHART_LINK_REVOKED, client.auditTarget(), Outcome.SUCCESS);
    }

    /** Checks the link is still open to someone with its token, before the PIN is asked for. */
    @Transactional(readOnly = true)
    public String chartLinkService(String token) {
        usable(token, Kind.CHARTS);
        return serviceName();
    }

    /**
     * The client's charts for the right PIN. A wrong PIN is counted in a transaction of its own,
     * so the count survives the refusal; the fifth locks the link for good.
     */
    public SharedCharts viewCharts(String token, String pin) {
        // A link belongs to its tenant's host; on any other it is as unknown as a wrong token.
        TenantId tenant = CurrentTenant.get().orElseThrow(LinkUnusable::unknown);
        PinCheck check = transactions.inTenant(tenant, () -> checkPin(token, pin));
        return switch (check) {
            case PinCheck.Right right -> right.charts();
            case PinCheck.Wrong wrong -> throw new WrongPin(wrong.triesLeft());
            case PinCheck.Locked locked -> throw LinkUnusable.gone("This link is locked after too many wrong PINs.");
        };
    }

    private sealed interface PinCheck {
        record Right(SharedCharts charts) implements PinCheck {}

        record Wrong(int triesLeft) implements PinCheck {}

        record Locked() implements PinCheck {}
    }

    private PinCheck checkPin(String token, String pin) {
        StoredLink link = usable(token, Kind.CHARTS);
        boolean right = link.pinHash() != null
                && MessageDigest.isEqual(
                        link.pinHash().getBytes(StandardCharsets.UTF_8),
                        pinHash(token, pin.strip()).getBytes(StandardCharsets.UTF_8));
        if (!right) {
            int failed = rows.failPin(link.id());
            trail.record(
                    failed >= PIN_TRIES ? AuditAction.CHART_LINK_LOCKED : AuditAction.CHART_LINK_WRONG_PIN,
                    target(link),
                    Outcome.DENIED);
            return failed >= PIN_TRIES ? new PinCheck.Locked() : new PinCheck.Wrong(PIN_TRIES - failed);
        }
        ClientRef client = clients.byId(link.clientId()).orElseThrow(LinkUnusable::unknown);
        trail.record(AuditAction.CHART_LINK_VIEWED, client.auditTarget(), Outcome.SUCCESS);
        return new PinCheck.Right(new SharedCharts(serviceName(), progress.of(client), goals.of(client)));
    }

    private StoredLink usable(String token, Kind kind) {
        StoredLink link = rows.byTokenHash(Tokens.hash(token))
                .filter(found -> found.kind() == kind)
                .orElseThrow(LinkUnusable::unknown);
        if (link.revokedAt() != null) {
            throw LinkUnusable.gone("This link has been withdrawn.");
        }
        if (link.usedAt() != null) {
            throw LinkUnusable.gone("This link has already been used.");
        }
        if (!clock.instant().isBefore(link.expiresAt())) {
            throw LinkUnusable.gone("This link has expired.");
        }
        if (link.failedPins() >= PIN_TRIES) {
            throw LinkUnusable.gone("This link is locked after too many wrong PINs.");
        }
        return link;
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
        return stored ? new IssuedLink(id, baseUrl() + "/c/" + token, expires, false) : null;
    }

    private void mail(String address, IssuedLink link) {
        String service = serviceName();
        mailer.send(
                address,
                "Questions from " + service,
                "Hello,\n\n" + service + " would like you to answer a few short questions before or after your "
                        + "session. Open this link on your phone or computer:\n\n" + link.url()
                        + "\n\nThe link works once and until "
                        + DAY.format(link.expiresAt().atZone(zone.zone()))
                        + ". If you were not expecting this, you can ignore it.\n");
    }

    private String serviceName() {
        return tenant().displayName();
    }

    private String baseUrl() {
        return tenants.baseUrl(tenant());
    }

    private Tenant tenant() {
        return tenants.byId(CurrentTenant.require()).orElseThrow();
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

    private static String target(StoredLink link) {
        return "client-link:" + link.id();
    }

    private static String pinHash(String token, String pin) {
        return Tokens.hash(token + ":" + pin);
    }
}
