package org.trackwell.identity.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
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
import org.trackwell.identity.ApiScope;
import org.trackwell.identity.ServiceAccounts;
import org.trackwell.identity.SignedInUser;
import org.trackwell.identity.internal.ApiClient;
import org.trackwell.identity.internal.ApiClientRefused;
import org.trackwell.identity.internal.IssuedKey;
import org.trackwell.identity.internal.NewApiClient;

/** The tenant admin's service accounts (API clients); the service decides who may. */
@RestController
@RequestMapping("/api/v1/api-clients")
class ApiClientsApi {

    private final ServiceAccounts accounts;

    ApiClientsApi(ServiceAccounts accounts) {
        this.accounts = accounts;
    }

    /** Scopes by their codes ({@code outcomes:read}); the expiry is the last day the key works. */
    record CreateRequest(
            @Nullable @Size(max = 100) String name,
            @NotNull @Size(max = 20) List<String> scopes,
            @NotNull @Size(max = 100) List<UUID> teams,
            @NotNull LocalDate expiresOn,
            @Nullable @Min(1) @Max(10_000) Integer callsPerMinute) {}

    /** How long the old key keeps working, in hours (0: it stops now). */
    record RotateRequest(@Min(0) @Max(720) int overlapHours) {}

    /** A new key: the only time it is shown. */
    record IssuedKeyView(UUID client, String key) {

        static IssuedKeyView of(IssuedKey issued) {
            return new IssuedKeyView(issued.client(), issued.key());
        }
    }

    record KeyView(UUID id, Instant createdAt, @Nullable Instant retiresAt) {}

    record ApiClientView(
            UUID id,
            String name,
            List<String> scopes,
            List<UUID> teams,
            int callsPerMinute,
            Instant expiresAt,
            Instant createdAt,
            @Nullable Instant revokedAt,
            List<KeyView> keys) {

        static ApiClientView of(ApiClient client) {
            return new ApiClientView(
                    client.id(),
                    client.name(),
                    client.scopes().stream().map(ApiScope::code).sorted().toList(),
                    client.teams().stream().sorted().toList(),
                    client.callsPerMinute(),
                    client.expiresAt(),
                    client.createdAt(),
                    client.revokedAt(),
                    client.keys().stream()
                            .map(key -> new KeyView(key.id(), key.createdAt(), key.retiresAt()))
                            .toList());
        }
    }

    @GetMapping
    List<ApiClientView> list() {
        return accounts.list().stream().map(ApiClientView::of).toList();
    }

    @GetMapping("/{id}")
    ApiClientView get(@PathVariable UUID id) {
        return ApiClientView.of(accounts.get(id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    IssuedKeyView create(@AuthenticationPrincipal SignedInUser admin, @Valid @RequestBody CreateRequest request) {
        return IssuedKeyView.of(accounts.create(
                admin,
                new NewApiClient(
                        request.name() == null ? "" : request.name(),
                        scopes(request.scopes()),
                        Set.copyOf(request.teams()),
                        request.expiresOn(),
                        request.callsPerMinute() == null
                                ? NewApiClient.DEFAULT_CALLS_PER_MINUTE
                                : request.callsPerMinute())));
    }

    @PostMapping("/{id}/rotate")
    IssuedKeyView rotate(@PathVariable UUID id, @Valid @RequestBody RotateRequest request) {
        return IssuedKeyView.of(accounts.rotate(id, Duration.ofHours(request.overlapHours())));
    }

    @PostMapping("/{id}/revoke")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable UUID id) {
        accounts.revoke(id);
    }

    private static Set<ApiScope> scopes(List<String> codes) {
        return codes.stream()
                .map(code -> ApiScope.ofCode(code)
                        .orElseThrow(() -> new ApiClientRefused("There is no scope called " + code + ".")))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }
}
