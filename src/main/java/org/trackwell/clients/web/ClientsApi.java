package org.trackwell.clients.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.trackwell.audit.AuditEntry;
import org.trackwell.clients.CaseloadFilter;
import org.trackwell.clients.ClientDetailsInvalid;
import org.trackwell.clients.ClientFlag;
import org.trackwell.clients.ClientFlags;
import org.trackwell.clients.ClientHistory;
import org.trackwell.clients.ClientNote;
import org.trackwell.clients.ClientRecord;
import org.trackwell.clients.ClientSettings;
import org.trackwell.clients.ClientSummary;
import org.trackwell.clients.Clients;
import org.trackwell.clients.ClosureReason;
import org.trackwell.clients.Consent;
import org.trackwell.clients.Demographic;
import org.trackwell.clients.Episode;
import org.trackwell.clients.EpisodeStage;
import org.trackwell.clients.Episodes;
import org.trackwell.clients.Identifier;
import org.trackwell.clients.Identifiers;
import org.trackwell.clients.IdentifyingText;
import org.trackwell.clients.NewClient;
import org.trackwell.clients.RiskEntry;
import org.trackwell.clients.RiskLevel;
import org.trackwell.clients.internal.ClientRows.IndexedField;
import org.trackwell.identity.SignedInUser;
import org.trackwell.shared.UserId;

@RestController
@RequestMapping("/api/v1")
class ClientsApi {

    record ClientRequest(
            @NotNull UUID teamId,
            @Nullable @Size(max = 200) String reference,
            @Nullable Map<Demographic, Object> demographics,
            @Nullable Identifiers identifiers,
            @Nullable Boolean acknowledgeIdentifying) {

        NewClient toNewClient() {
            return new NewClient(
                    teamId,
                    reference,
                    demographics == null ? Map.of() : demographics,
                    identifiers == null ? Identifiers.none() : identifiers,
                    Boolean.TRUE.equals(acknowledgeIdentifying));
        }
    }

    record ClientView(
            String code,
            UUID teamId,
            ClientRecord.Access access,
            @Nullable String reference,
            Map<Demographic, Object> demographics,
            Identifiers identifiers,
            RiskLevel risk,
            List<UUID> practitioners) {

        static ClientView of(ClientRecord client) {
            return new ClientView(
                    client.code().toString(),
                    client.teamId(),
                    client.access(),
                    client.reference(),
                    client.demographics(),
                    client.identifiers(),
                    client.risk(),
                    client.practitioners().stream().map(UserId::value).toList());
        }
    }

    record Caseload(List<ClientSummaryView> clients, boolean hasMore) {}

    record ClientSummaryView(
            String code,
            UUID teamId,
            RiskLevel risk,
            @Nullable EpisodeStage stage,
            boolean episodeOpen) {

        static ClientSummaryView of(ClientSummary summary) {
            return new ClientSummaryView(
                    summary.code().toString(),
                    summary.teamId(),
                    summary.risk(),
                    summary.stage(),
                    summary.episodeOpen());
        }
    }

    record Allocation(@NotNull List<UUID> practitioners) {}

    record EpisodeRequest(
            @NotNull LocalDate referredOn,
            @Nullable @Size(max = 200) String referralSource,
            @Nullable Boolean acknowledgeIdentifying) {}

    record StageRequest(@NotNull EpisodeStage stage) {}

    record Closure(
            @NotNull LocalDate closedOn,
            boolean planned,
            @NotNull ClosureReason reason) {}

    record FollowUp(@NotNull LocalDate dueOn) {}

    record RiskRequest(
            @NotNull RiskLevel level,
            @Nullable @Size(max = 20000) String note,
            @Nullable LocalDate assessedOn,
            @Nullable Boolean acknowledgeIdentifying) {

        boolean acknowledged() {
            return Boolean.TRUE.equals(acknowledgeIdentifying);
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

    record TextRequest(@NotNull @Size(max = 20000) String text) {}

    record TextCheck(String warning, List<IdentifyingText.Finding> findings) {}

    record SettingsRequest(
            @NotNull Set<Identifier> identifiers,
            @NotNull Set<Demographic> demographics,
            @Nullable Integer openCaseCap) {}

    private final Clients clients;
    private final Episodes episodes;
    private final ClientHistory history;
    private final ClientFlags flags;
    private final IdentifyingText detector;
    private final java.time.Clock clock;

    ClientsApi(
            Clients clients,
            Episodes episodes,
            ClientHistory history,
            ClientFlags flags,
            IdentifyingText detector,
            java.time.Clock clock) {
        this.clients = clients;
        this.episodes = episodes;
        this.history = history;
        this.flags = flags;
        this.detector = detector;
        this.clock = clock;
    }

    @GetMapping("/clients")
    Caseload caseload(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) @Nullable UUID team,
            @RequestParam(required = false) @Nullable UUID practitioner,
            @RequestParam(required = false) @Nullable EpisodeStatus status,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page) {
        List<ClientSummary> found = clients.caseload(
                user, new CaseloadFilter(team, practitioner, status == null ? null : status.name()), page);
        int size = Clients.pageSize();
        return new Caseload(
                found.stream().limit(size).map(ClientSummaryView::of).toList(), found.size() > size);
    }

    enum EpisodeStatus {
        OPEN,
        CLOSED,
        NONE
    }

    @PostMapping("/clients")
    @ResponseStatus(HttpStatus.CREATED)
    ClientView create(@AuthenticationPrincipal SignedInUser user, @Valid @RequestBody ClientRequest body) {
        return ClientView.of(clients.create(user, body.toNewClient()));
    }

    @GetMapping("/clients/search")
    List<String> search(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) @Nullable String reference,
            @RequestParam(required = false) @Nullable String nhsNumber,
            @RequestParam(required = false) @Nullable String email) {
        IndexedField field = reference != null
                ? IndexedField.REFERENCE
                : nhsNumber != null ? IndexedField.NHS_NUMBER : email != null ? IndexedField.EMAIL : null;
        if (field == null) {
            throw new ClientDetailsInvalid("Search by reference, nhsNumber or email.");
        }
        String value = reference != null
                ? reference
                : nhsNumber != null ? nhsNumber : Objects.requireNonNull(email, "the field searched is given");
        return clients.search(user, field, value).stream().map(Object::toString).toList();
    }

    @GetMapping("/clients/{code}")
    ClientView client(@AuthenticationPrincipal SignedInUser user, @PathVariable String code) {
        return ClientView.of(clients.record(user, code));
    }

    /** Replaces the reference, demographics and identifiers; what is left out is cleared. */
    @PutMapping("/clients/{code}")
    ClientView update(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String code,
            @Valid @RequestBody ClientRequest body) {
        return ClientView.of(clients.update(user, code, body.toNewClient()));
    }

    @PutMapping("/clients/{code}/practitioners")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void allocate(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String code,
            @Valid @RequestBody Allocation body) {
        clients.allocate(
                user, code, body.practitioners().stream().map(UserId::new).toList());
    }

    @GetMapping("/clients/{code}/access")
    List<AuditEntry> accessLog(@AuthenticationPrincipal SignedInUser user, @PathVariable String code) {
        return clients.accessLog(user, code);
    }

    @GetMapping("/clients/{code}/episodes")
    List<Episode> episodes(@AuthenticationPrincipal SignedInUser user, @PathVariable String code) {
        return episodes.of(user, code);
    }

    @PostMapping("/clients/{code}/episodes")
    @ResponseStatus(HttpStatus.CREATED)
    Episode openEpisode(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String code,
            @Valid @RequestBody EpisodeRequest body) {
        return episodes.open(
                user,
                code,
                body.referredOn(),
                body.referralSource(),
                Boolean.TRUE.equals(body.acknowledgeIdentifying()));
    }

    @PostMapping("/clients/{code}/episodes/{episode}/stage")
    Episode moveEpisode(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String code,
            @PathVariable UUID episode,
            @Valid @RequestBody StageRequest body) {
        return episodes.moveTo(user, code, episode, body.stage());
    }

    @PostMapping("/clients/{code}/episodes/{episode}/close")
    Episode closeEpisode(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String code,
            @PathVariable UUID episode,
            @Valid @RequestBody Closure body) {
        return episodes.close(user, code, episode, body.closedOn(), body.planned(), body.reason());
    }

    @PostMapping("/clients/{code}/episodes/{episode}/reopen")
    Episode reopenEpisode(
            @AuthenticationPrincipal SignedInUser user, @PathVariable String code, @PathVariable UUID episode) {
        return episodes.reopen(user, code, episode);
    }

    @PostMapping("/clients/{code}/episodes/{episode}/follow-ups")
    Episode addFollowUp(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String code,
            @PathVariable UUID episode,
            @Valid @RequestBody FollowUp body) {
        return episodes.addFollowUp(user, code, episode, body.dueOn());
    }

    @GetMapping("/clients/{code}/risk")
    List<RiskEntry> risks(@AuthenticationPrincipal SignedInUser user, @PathVariable String code) {
        return history.risks(user, code);
    }

    @PostMapping("/clients/{code}/risk")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void recordRisk(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String code,
            @Valid @RequestBody RiskRequest body) {
        history.recordRisk(
                user,
                code,
                body.level(),
                body.note(),
                body.assessedOn() == null ? LocalDate.now(clock) : body.assessedOn(),
                body.acknowledged());
    }

    @GetMapping("/clients/{code}/consents")
    List<Consent> consents(@AuthenticationPrincipal SignedInUser user, @PathVariable String code) {
        return history.consents(user, code);
    }

    @PostMapping("/clients/{code}/consents")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void recordConsent(
            @AuthenticationPrincipal SignedInUser user, @PathVariable String code, @Valid @RequestBody Consent body) {
        history.recordConsent(user, code, body);
    }

    @GetMapping("/clients/{code}/flags")
    List<ClientFlag> flags(@AuthenticationPrincipal SignedInUser user, @PathVariable String code) {
        return flags.open(user, code);
    }

    @PostMapping("/clients/{code}/flags/{flag}/clear")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void clearFlag(@AuthenticationPrincipal SignedInUser user, @PathVariable String code, @PathVariable UUID flag) {
        flags.clear(user, code, flag);
    }

    @GetMapping("/clients/{code}/notes")
    List<ClientNote> notes(@AuthenticationPrincipal SignedInUser user, @PathVariable String code) {
        return history.notes(user, code);
    }

    @PostMapping("/clients/{code}/notes")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void writeNote(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String code,
            @Valid @RequestBody NoteRequest body) {
        history.writeNote(
                user,
                code,
                body.episodeId(),
                body.kind() == null ? ClientNote.Kind.CASE : body.kind(),
                body.text(),
                body.acknowledged());
    }

    /** The detector, for any free-text field of the product: what looks identifying, as one types. */
    @PostMapping("/identifying-text")
    TextCheck checkText(@Valid @RequestBody TextRequest body) {
        List<IdentifyingText.Finding> findings = detector.findIn(body.text());
        return new TextCheck(IdentifyingText.warning(findings), findings);
    }

    @GetMapping("/client-settings")
    ClientSettings settings() {
        return clients.settings();
    }

    @PutMapping("/client-settings")
    ClientSettings changeSettings(@Valid @RequestBody SettingsRequest body) {
        return clients.changeSettings(new ClientSettings(body.identifiers(), body.demographics(), body.openCaseCap()));
    }
}
