package org.trackwell.clients.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.trackwell.audit.AuditAction;
import org.trackwell.audit.web.AuditEntryView;
import org.trackwell.clients.CaseloadFilter;
import org.trackwell.clients.ClientRef;
import org.trackwell.clients.ClientSummary;
import org.trackwell.clients.Clients;
import org.trackwell.clients.EpisodeStage;
import org.trackwell.clients.ReachedClient;
import org.trackwell.clients.ReachedClient.Need;
import org.trackwell.clients.RiskLevel;
import org.trackwell.clients.internal.ClientDetailsInvalid;
import org.trackwell.clients.internal.ClientOversight;
import org.trackwell.clients.internal.ClientRecord;
import org.trackwell.clients.internal.ClientRegistration;
import org.trackwell.clients.internal.ClientRows.IndexedField;
import org.trackwell.clients.internal.Demographic;
import org.trackwell.clients.internal.Identifiers;
import org.trackwell.clients.internal.NewClient;
import org.trackwell.identity.SignedInUser;
import org.trackwell.shared.UserId;

/** The caseload, finding and registering clients, their details, allocation and access log. */
@RestController
@RequestMapping("/api/v1")
class ClientsApi {

    record ClientRequest(
            @NotNull UUID teamId,
            @Nullable @Size(max = 200) String reference,
            @Nullable Map<Demographic, Object> demographics,
            @Nullable IdentifiersView identifiers,
            @Nullable Boolean acknowledgeIdentifying) {

        NewClient toNewClient() {
            return new NewClient(
                    teamId,
                    reference,
                    demographics == null ? Map.of() : demographics,
                    identifiers == null ? Identifiers.none() : identifiers.toIdentifiers(),
                    Boolean.TRUE.equals(acknowledgeIdentifying));
        }
    }

    record ClientView(
            String code,
            UUID teamId,
            ClientRecord.Access access,
            @Nullable String reference,
            Map<Demographic, Object> demographics,
            IdentifiersView identifiers,
            RiskLevel risk,
            List<UUID> practitioners) {

        static ClientView of(ClientRecord client) {
            return new ClientView(
                    client.code().toString(),
                    client.teamId(),
                    client.access(),
                    client.reference(),
                    client.demographics(),
                    IdentifiersView.of(client.identifiers()),
                    client.risk(),
                    client.practitioners().stream().map(UserId::value).toList());
        }
    }

    /** {@code next}: the code to ask for the following page with ({@code after}), while there is one. */
    record Caseload(
            List<ClientSummaryView> clients,
            boolean hasMore,
            @Nullable String next) {}

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

    enum EpisodeStatus {
        OPEN,
        CLOSED,
        NONE
    }

    private final Clients clients;
    private final ClientRegistration registration;
    private final ClientOversight oversight;

    ClientsApi(Clients clients, ClientRegistration registration, ClientOversight oversight) {
        this.clients = clients;
        this.registration = registration;
        this.oversight = oversight;
    }

    @GetMapping("/clients")
    Caseload caseload(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) @Nullable UUID team,
            @RequestParam(required = false) @Nullable UUID practitioner,
            @RequestParam(required = false) @Nullable EpisodeStatus status,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(required = false) @Nullable String after) {
        CaseloadFilter filter = new CaseloadFilter(team, practitioner, status == null ? null : status.name());
        if (after != null && page > 0) {
            throw new ClientDetailsInvalid("Ask for a page or for the clients after one, not both.");
        }
        List<ClientSummary> found =
                after == null ? clients.caseload(user, filter, page) : clients.caseloadAfter(user, filter, after);
        int size = Clients.pageSize();
        List<ClientSummaryView> shown =
                found.stream().limit(size).map(ClientSummaryView::of).toList();
        boolean more = found.size() > size;
        return new Caseload(shown, more, more ? shown.getLast().code() : null);
    }

    @PostMapping("/clients")
    @ResponseStatus(HttpStatus.CREATED)
    ClientView create(@AuthenticationPrincipal SignedInUser user, @Valid @RequestBody ClientRequest body) {
        return ClientView.of(registration.create(user, body.toNewClient()));
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
        return registration.search(user, field, value).stream()
                .map(Object::toString)
                .toList();
    }

    @GetMapping("/clients/{code}")
    ClientView client(
            @AuthenticationPrincipal SignedInUser user,
            @ReachedClient(value = Need.MEDICATION_RECORD, viewed = AuditAction.CLIENT_VIEWED) ClientRef client) {
        return ClientView.of(registration.record(user, client));
    }

    /** Replaces the reference, demographics and identifiers; what is left out is cleared. */
    @PutMapping("/clients/{code}")
    ClientView update(
            @AuthenticationPrincipal SignedInUser user,
            @ReachedClient ClientRef client,
            @Valid @RequestBody ClientRequest body) {
        return ClientView.of(registration.update(user, client, body.toNewClient()));
    }

    @PutMapping("/clients/{code}/practitioners")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void allocate(
            @AuthenticationPrincipal SignedInUser user,
            @ReachedClient ClientRef client,
            @Valid @RequestBody Allocation body) {
        oversight.allocate(
                user, client, body.practitioners().stream().map(UserId::new).toList());
    }

    @GetMapping("/clients/{code}/access")
    List<AuditEntryView> accessLog(
            @AuthenticationPrincipal SignedInUser user,
            @ReachedClient(value = Need.ACCESS_LOG, viewed = AuditAction.CLIENT_ACCESS_LOG_VIEWED) ClientRef client) {
        return oversight.accessLog(user, client).stream()
                .map(AuditEntryView::of)
                .toList();
    }
}
