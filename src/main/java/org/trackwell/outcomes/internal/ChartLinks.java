package org.trackwell.outcomes.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trackwell.audit.AuditAction;
import org.trackwell.audit.AuditTrail;
import org.trackwell.audit.Outcome;
import org.trackwell.clients.ClientRef;
import org.trackwell.clients.Clients;
import org.trackwell.database.TenantTransactions;
import org.trackwell.identity.SignedInUser;
import org.trackwell.outcomes.internal.LinkRows.Kind;
import org.trackwell.outcomes.internal.LinkRows.StoredLink;
import org.trackwell.shared.CurrentTenant;
import org.trackwell.shared.Ids;
import org.trackwell.shared.TenantId;
import org.trackwell.shared.Tokens;

/**
 * A client's progress charts behind a link and a PIN given separately: expiring, revocable, and
 * locked after five wrong PINs. The charts show nothing that identifies the client beyond the
 * service's name.
 */
@Service
public class ChartLinks {

    private final Clients clients;
    private final MeasureCatalogue catalogue;
    private final Progress progress;
    private final Goals goals;
    private final LinkRows rows;
    private final LinkTokens links;
    private final TenantTransactions transactions;
    private final Tokens tokens;
    private final SecureRandom random;
    private final AuditTrail trail;
    private final Ids ids;
    private final Clock clock;

    ChartLinks(
            Clients clients,
            MeasureCatalogue catalogue,
            Progress progress,
            Goals goals,
            LinkRows rows,
            LinkTokens links,
            TenantTransactions transactions,
            Tokens tokens,
            SecureRandom random,
            AuditTrail trail,
            Ids ids,
            Clock clock) {
        this.clients = clients;
        this.catalogue = catalogue;
        this.progress = progress;
        this.goals = goals;
        this.rows = rows;
        this.links = links;
        this.transactions = transactions;
        this.tokens = tokens;
        this.random = random;
        this.trail = trail;
        this.ids = ids;
        this.clock = clock;
    }

    /** A chart link as issued, with its PIN, to give the client separately. */
    public record IssuedChartLink(UUID id, String url, String pin, Instant expiresAt) {

        @Override
        public String toString() {
            return "IssuedChartLink[" + id + "]";
        }
    }

    public record ChartLink(UUID id, Instant createdAt, Instant expiresAt, boolean revoked, boolean locked) {}

    /** What a chart link shows once the PIN is right. */
    public record SharedCharts(String serviceName, ClientProgress progress, List<Goal> goals) {}

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
        return new IssuedChartLink(id, links.baseUrl() + "/p/" + token, pin, expires);
    }

    @Transactional(readOnly = true)
    public List<ChartLink> chartLinks(ClientRef client) {
        return rows.chartLinksOf(client.id()).stream()
                .map(link -> new ChartLink(
                        link.id(),
                        link.createdAt(),
                        link.expiresAt(),
                        link.revokedAt() != null,
                        link.failedPins() >= LinkTokens.PIN_TRIES))
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
        links.usable(token, Kind.CHARTS);
        return links.serviceName();
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
        StoredLink link = links.usable(token, Kind.CHARTS);
        boolean right = link.pinHash() != null
                && MessageDigest.isEqual(
                        link.pinHash().getBytes(StandardCharsets.UTF_8),
                        pinHash(token, pin.strip()).getBytes(StandardCharsets.UTF_8));
        if (!right) {
            int failed = rows.failPin(link.id());
            trail.record(
                    failed >= LinkTokens.PIN_TRIES ? AuditAction.CHART_LINK_LOCKED : AuditAction.CHART_LINK_WRONG_PIN,
                    LinkTokens.target(link),
                    Outcome.DENIED);
            return failed >= LinkTokens.PIN_TRIES
                    ? new PinCheck.Locked()
                    : new PinCheck.Wrong(LinkTokens.PIN_TRIES - failed);
        }
        ClientRef client = clients.byId(link.clientId()).orElseThrow(LinkUnusable::unknown);
        trail.record(AuditAction.CHART_LINK_VIEWED, client.auditTarget(), Outcome.SUCCESS);
        return new PinCheck.Right(new SharedCharts(links.serviceName(), progress.of(client), goals.of(client)));
    }

    private static String pinHash(String token, String pin) {
        return Tokens.hash(token + ":" + pin);
    }
}
