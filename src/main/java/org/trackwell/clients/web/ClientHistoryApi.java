package org.trackwell.clients.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.trackwell.audit.AuditAction;
import org.trackwell.clients.ClientRef;
import org.trackwell.clients.ReachedClient;
import org.trackwell.clients.RiskLevel;
import org.trackwell.clients.internal.ClientFlag;
import org.trackwell.clients.internal.ClientFlags;
import org.trackwell.clients.internal.ClientHistory;
import org.trackwell.clients.internal.ClientNote;
import org.trackwell.clients.internal.Consent;
import org.trackwell.clients.internal.RiskEntry;
import org.trackwell.identity.SignedInUser;

/** What only grows on a client's record, and the flags on it: risk, consents, notes. */
@RestController
@RequestMapping("/api/v1/clients/{code}")
class ClientHistoryApi {

    record RiskRequest(
            @NotNull RiskLevel level,
            @Nullable @Size(max = 20000) String note,
            @Nullable LocalDate assessedOn,
            @Nullable Boolean acknowledgeIdentifying) {

        boolean acknowledged() {
            return Boolean.TRUE.equals(acknowledgeIdentifying);
        }
    }

    record ConsentRequest(
            @NotNull Consent.Purpose purpose,
            boolean given,
            @NotNull LocalDate on) {}

    /** A risk assessment as the API shows it; {@code recordedBy} is the user's id. */
    record RiskEntryView(
            RiskLevel level, @Nullable String note, LocalDate assessedOn, Instant recordedAt, UUID recordedBy) {

        static RiskEntryView of(RiskEntry entry) {
            return new RiskEntryView(
                    entry.level(),
                    entry.note(),
                    entry.assessedOn(),
                    entry.recordedAt(),
                    entry.recordedBy().value());
        }
    }

    record ConsentView(Consent.Purpose purpose, boolean given, LocalDate on) {

        static ConsentView of(Consent consent) {
            return new ConsentView(consent.purpose(), consent.given(), consent.on());
        }
    }

    record ClientFlagView(UUID id, String source, String message, Instant raisedAt) {

        static ClientFlagView of(ClientFlag flag) {
            return new ClientFlagView(flag.id(), flag.source(), flag.message(), flag.raisedAt());
        }
    }

    /** A note as the API shows it; {@code writtenBy} is the user's id. */
    record ClientNoteView(
            UUID id, @Nullable UUID episodeId, ClientNote.Kind kind, String text, Instant writtenAt, UUID writtenBy) {

        static ClientNoteView of(ClientNote note) {
            return new ClientNoteView(
                    note.id(),
                    note.episodeId(),
                    note.kind(),
                    note.text(),
                    note.writtenAt(),
                    note.writtenBy().value());
        }
    }

    record NoteRequest(
            @NotNull @Size(max = 20000) String text,
            ClientNote.@Nullable Kind kind,
            @Nullable UUID episodeId,
            @Nullable Boolean acknowledgeIdentifying) {

        boolean acknowledged() {
            return Boolean.TRUE.equals(acknowledgeIdentifying);
        }
    }

    private final ClientHistory history;
    private final ClientFlags flags;
    private final Clock clock;

    ClientHistoryApi(ClientHistory history, ClientFlags flags, Clock clock) {
        this.history = history;
        this.flags = flags;
        this.clock = clock;
    }

    @GetMapping("/risk")
    List<RiskEntryView> risks(@ReachedClient(viewed = AuditAction.CLIENT_RISK_VIEWED) ClientRef client) {
        return history.risks(client).stream().map(RiskEntryView::of).toList();
    }

    @PostMapping("/risk")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void recordRisk(
            @AuthenticationPrincipal SignedInUser user,
            @ReachedClient ClientRef client,
            @Valid @RequestBody RiskRequest body) {
        history.recordRisk(
                user,
                client,
                body.level(),
                body.note(),
                body.assessedOn() == null ? LocalDate.now(clock) : body.assessedOn(),
                body.acknowledged());
    }

    @GetMapping("/consents")
    List<ConsentView> consents(@ReachedClient(viewed = AuditAction.CLIENT_CONSENTS_VIEWED) ClientRef client) {
        return history.consents(client).stream().map(ConsentView::of).toList();
    }

    @PostMapping("/consents")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void recordConsent(
            @AuthenticationPrincipal SignedInUser user,
            @ReachedClient ClientRef client,
            @Valid @RequestBody ConsentRequest body) {
        history.recordConsent(user, client, new Consent(body.purpose(), body.given(), body.on()));
    }

    @GetMapping("/flags")
    List<ClientFlagView> flags(@ReachedClient(viewed = AuditAction.CLIENT_FLAGS_VIEWED) ClientRef client) {
        return flags.open(client).stream().map(ClientFlagView::of).toList();
    }

    @PostMapping("/flags/{flag}/clear")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void clearFlag(
            @AuthenticationPrincipal SignedInUser user, @ReachedClient ClientRef client, @PathVariable UUID flag) {
        flags.clear(user, client, flag);
    }

    @GetMapping("/notes")
    List<ClientNoteView> notes(@ReachedClient(viewed = AuditAction.CLIENT_NOTES_VIEWED) ClientRef client) {
        return history.notes(client).stream().map(ClientNoteView::of).toList();
    }

    @PostMapping("/notes")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void writeNote(
            @AuthenticationPrincipal SignedInUser user,
            @ReachedClient ClientRef client,
            @Valid @RequestBody NoteRequest body) {
        history.writeNote(
                user,
                client,
                body.episodeId(),
                body.kind() == null ? ClientNote.Kind.CASE : body.kind(),
                body.text(),
                body.acknowledged());
    }
}
