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
import org.trackwell.clients.IdentifyingTextGuard;
import org.trackwell.clients.RiskLevel;
import org.trackwell.identity.SignedInUser;
import org.trackwell.keys.FieldAddress;
import org.trackwell.keys.FieldEncryption;
import org.trackwell.shared.CurrentTenant;
import org.trackwell.shared.Ids;

/** What only grows on a client's record: risk ratings, consents, and case and session notes. */
@Service
public class ClientHistory {

    private static final int MAX_NOTE = 20_000;

    private final EpisodeCare episodes;
    private final ClientHistoryRows rows;
    private final ClientRows clientRows;
    private final FieldEncryption encryption;
    private final IdentifyingTextGuard guard;
    private final AuditTrail trail;
    private final Ids ids;
    private final Clock clock;

    ClientHistory(
            EpisodeCare episodes,
            ClientHistoryRows rows,
            ClientRows clientRows,
            FieldEncryption encryption,
            IdentifyingTextGuard guard,
            AuditTrail trail,
            Ids ids,
            Clock clock) {
        this.episodes = episodes;
        this.rows = rows;
        this.clientRows = clientRows;
        this.encryption = encryption;
        this.guard = guard;
        this.trail = trail;
        this.ids = ids;
        this.clock = clock;
    }

    @Transactional
    public void recordRisk(
            SignedInUser user,
            ClientRef client,
            RiskLevel level,
            @Nullable String note,
            LocalDate assessedOn,
            boolean acknowledged) {
        String text = ClientFields.blankToNull(note);
        requireLength(text);
        episodes.requireNotFuture(assessedOn, "The assessment date");
        guard.check(text, acknowledged, client.auditTarget());
        UUID id = ids.next();
        rows.addRisk(
                CurrentTenant.require(),
                id,
                client.id(),
                level,
                text == null ? null : encryption.seal(address(client, "client_risk", "note", id), text),
                assessedOn,
                user.id(),
                clock.instant());
        clientRows.setRisk(client.id(), level);
        trail.record(AuditAction.CLIENT_RISK_RECORDED, client.auditTarget(), Outcome.SUCCESS);
    }

    @Transactional(readOnly = true)
    public List<RiskEntry> risks(ClientRef client) {
        return rows.risks(client.id()).stream()
                .map(risk -> new RiskEntry(
                        risk.level(),
                        risk.note() == null
                                ? null
                                : encryption.open(address(client, "client_risk", "note", risk.id()), risk.note()),
                        risk.assessedOn(),
                        risk.recordedAt(),
                        risk.recordedBy()))
                .toList();
    }

    @Transactional
    public void recordConsent(SignedInUser user, ClientRef client, Consent consent) {
        rows.addConsent(CurrentTenant.require(), ids.next(), client.id(), consent, user.id(), clock.instant());
        trail.record(AuditAction.CLIENT_CONSENT_RECORDED, client.auditTarget(), Outcome.SUCCESS);
    }

    @Transactional(readOnly = true)
    public List<Consent> consents(ClientRef client) {
        return rows.consents(client.id());
    }

    /** A case note, or a session note on an open episode; it warns if it looks identifying. */
    @Transactional
    public void writeNote(
            SignedInUser user,
            ClientRef client,
            @Nullable UUID episode,
            ClientNote.Kind kind,
            String text,
            boolean acknowledged) {
        if (text.isBlank()) {
            throw new ClientDetailsInvalid("A note needs some text.");
        }
        requireLength(text);
        if (episode != null && !episodes.isOpen(client, episode)) {
            throw new ClientChangeRefused("This episode is closed. Re-open it to add notes to it.");
        }
        guard.check(text, acknowledged, client.auditTarget());
        UUID id = ids.next();
        rows.addNote(
                CurrentTenant.require(),
                id,
                client.id(),
                episode,
                kind,
                encryption.seal(address(client, "client_note", "text", id), text.strip()),
                user.id(),
                clock.instant());
        trail.record(AuditAction.CLIENT_NOTE_WRITTEN, client.auditTarget(), Outcome.SUCCESS);
    }

    @Transactional(readOnly = true)
    public List<ClientNote> notes(ClientRef client) {
        return rows.notes(client.id(), 200).stream()
                .map(note -> new ClientNote(
                        note.id(),
                        note.episode(),
                        note.kind(),
                        encryption.open(address(client, "client_note", "text", note.id()), note.text()),
                        note.writtenAt(),
                        note.writtenBy()))
                .toList();
    }

    private static void requireLength(@Nullable String text) {
        if (text != null && text.length() > MAX_NOTE) {
            throw new ClientDetailsInvalid("A note can be at most 20,000 characters.");
        }
    }

    private static FieldAddress address(ClientRef client, String table, String column, UUID row) {
        return FieldAddress.ofClient(CurrentTenant.require(), client.id(), table, column, row.toString());
    }
}
