package org.trackwell.clients.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trackwell.audit.AuditAction;
import org.trackwell.audit.AuditTrail;
import org.trackwell.audit.Outcome;
import org.trackwell.clients.ClientRef;
import org.trackwell.clients.Episode;
import org.trackwell.clients.EpisodeStage;
import org.trackwell.clients.IdentifyingTextGuard;
import org.trackwell.clients.internal.EpisodeRows.StoredEpisode;
import org.trackwell.keys.FieldAddress;
import org.trackwell.keys.FieldEncryption;
import org.trackwell.shared.CurrentTenant;
import org.trackwell.shared.Ids;
import org.trackwell.shared.UserId;

/**
 * Changes to a client's episodes of care. A client has at most one open episode; a closed one is read-only until a
 * manager or the allocated practitioner re-opens it, but follow-ups can still be added. The
 * referral source is free text: sealed under the client's key, and it warns when it looks
 * identifying.
 */
@Service
public class EpisodeCare {

    private final Settings settings;
    private final EpisodeRows rows;
    private final ClientRows clientRows;
    private final AllocationRows allocations;
    private final FieldEncryption encryption;
    private final IdentifyingTextGuard guard;
    private final AuditTrail trail;
    private final Ids ids;
    private final Clock clock;

    EpisodeCare(
            Settings settings,
            EpisodeRows rows,
            ClientRows clientRows,
            AllocationRows allocations,
            FieldEncryption encryption,
            IdentifyingTextGuard guard,
            AuditTrail trail,
            Ids ids,
            Clock clock) {
        this.settings = settings;
        this.rows = rows;
        this.clientRows = clientRows;
        this.allocations = allocations;
        this.encryption = encryption;
        this.guard = guard;
        this.trail = trail;
        this.ids = ids;
        this.clock = clock;
    }

    @Transactional
    public Episode open(ClientRef client, LocalDate referredOn, @Nullable String source, boolean acknowledged) {
        if (clientRows.hasOpenEpisode(client.id())) {
            throw new ClientChangeRefused("This client already has an open episode. Close it first.");
        }
        requireNotFuture(referredOn, "The referral date");
        requireRoomInCaseloads(client);
        String referralSource = ClientFields.blankToNull(source);
        guard.check(referralSource, acknowledged, client.auditTarget());
        UUID id = ids.next();
        rows.insert(
                CurrentTenant.require(),
                id,
                client.id(),
                referredOn,
                referralSource == null ? null : encryption.seal(sourceAddress(client.id(), id), referralSource),
                clock.instant());
        trail.record(AuditAction.EPISODE_OPENED, client.auditTarget(), Outcome.SUCCESS);
        return find(client, id);
    }

    @Transactional
    public Episode moveTo(ClientRef client, UUID episode, EpisodeStage stage) {
        requireOpen(find(client, episode));
        rows.setStage(episode, stage);
        trail.record(AuditAction.EPISODE_STAGE_CHANGED, client.auditTarget(), Outcome.SUCCESS);
        return find(client, episode);
    }

    @Transactional
    public Episode close(ClientRef client, UUID episode, LocalDate closedOn, boolean planned, ClosureReason reason) {
        Episode current = requireOpen(find(client, episode));
        if (closedOn.isBefore(current.referredOn())) {
            throw new ClientDetailsInvalid("An episode cannot close before its referral date.");
        }
        requireNotFuture(closedOn, "The closing date");
        rows.close(episode, closedOn, planned, reason);
        trail.record(AuditAction.EPISODE_CLOSED, client.auditTarget(), Outcome.SUCCESS);
        return find(client, episode);
    }

    @Transactional
    public Episode reopen(ClientRef client, UUID episode) {
        if (find(client, episode).open()) {
            throw new ClientChangeRefused("This episode is already open.");
        }
        if (clientRows.hasOpenEpisode(client.id())) {
            throw new ClientChangeRefused("This client has another open episode. Close it first.");
        }
        requireRoomInCaseloads(client);
        rows.reopen(episode);
        trail.record(AuditAction.EPISODE_REOPENED, client.auditTarget(), Outcome.SUCCESS);
        return find(client, episode);
    }

    /** Follow-ups can be added to a closed episode too. */
    @Transactional
    public Episode addFollowUp(ClientRef client, UUID episode, LocalDate dueOn) {
        find(client, episode);
        rows.addFollowUp(CurrentTenant.require(), ids.next(), episode, dueOn, clock.instant());
        trail.record(AuditAction.EPISODE_FOLLOW_UP_ADDED, client.auditTarget(), Outcome.SUCCESS);
        return find(client, episode);
    }

    /** The client's episodes, the open one first, then the newest first. */
    @Transactional(readOnly = true)
    public List<Episode> ofClient(ClientRef client) {
        return episodes(client.id());
    }

    /** Whether notes may still be written against the episode. */
    public boolean isOpen(ClientRef client, UUID episode) {
        return find(client, episode).open();
    }

    private Episode find(ClientRef client, UUID episode) {
        return rows.find(client.id(), episode)
                .map(stored -> opened(client.id(), stored))
                .orElseThrow(EpisodeNotFound::new);
    }

    private List<Episode> episodes(UUID client) {
        return rows.ofClient(client).stream()
                .map(stored -> opened(client, stored))
                .toList();
    }

    private Episode opened(UUID client, StoredEpisode stored) {
        Episode e = stored.episode();
        if (stored.referralSource() == null) {
            return e;
        }
        return new Episode(
                e.id(),
                e.referredOn(),
                encryption.open(sourceAddress(client, e.id()), stored.referralSource()),
                e.stage(),
                e.closedOn(),
                e.closurePlanned(),
                e.closureReason(),
                e.followUps());
    }

    private static FieldAddress sourceAddress(UUID client, UUID episode) {
        return FieldAddress.ofClient(CurrentTenant.require(), client, "episode", "referral_source", episode.toString());
    }

    private static Episode requireOpen(Episode episode) {
        if (!episode.open()) {
            throw new ClientChangeRefused("This episode is closed. Re-open it to change it.");
        }
        return episode;
    }

    /** A day up to tomorrow: a record written late in the evening may fall on the next day elsewhere. */
    public void requireNotFuture(LocalDate date, String what) {
        if (date.isAfter(LocalDate.now(clock).plusDays(1))) {
            throw new ClientDetailsInvalid(what + " cannot be in the future.");
        }
    }

    private void requireRoomInCaseloads(ClientRef client) {
        Integer cap = settings.current().openCaseCap();
        if (cap == null) {
            return;
        }
        for (UserId practitioner : allocations.practitioners(client.id())) {
            if (allocations.openCasesOf(practitioner, client.id()) >= cap) {
                throw new ClientChangeRefused(
                        "An allocated practitioner already has " + cap + " open cases, the most this service allows.");
            }
        }
    }
}
