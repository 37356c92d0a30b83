package org.trackwell.erasure.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.trackwell.erasure.internal.ErasureRequest;
import org.trackwell.erasure.internal.ErasureRequests;
import org.trackwell.identity.SignedInUser;

/** Erasure requests for tenant admins: ask, approve (another admin), cancel, list, and the certificate. */
@RestController
@RequestMapping("/api/v1")
class ErasureApi {

    record NewErasure(
            @NotNull @Size(max = 40) String client,
            @NotNull @Size(max = 2000) String reason,
            @Nullable Boolean acknowledgeIdentifying) {}

    record Erasure(
            int number,
            String client,
            ErasureRequest.Stage stage,
            UUID requestedBy,
            Instant requestedAt,
            @Nullable UUID approvedBy,
            @Nullable Instant approvedAt,
            @Nullable Instant eraseAfter,
            @Nullable UUID cancelledBy,
            @Nullable Instant cancelledAt,
            @Nullable Instant erasedAt) {

        static Erasure of(ErasureRequest request) {
            return new Erasure(
                    request.number(),
                    request.client().toString(),
                    request.stage(),
                    request.requestedBy(),
                    request.requestedAt(),
                    request.approvedBy(),
                    request.approvedAt(),
                    request.eraseAfter(),
                    request.cancelledBy(),
                    request.cancelledAt(),
                    request.erasedAt());
        }
    }

    record GraceSettings(@NotNull @Min(1) @Max(90) Integer graceDays) {}

    private final ErasureRequests requests;

    ErasureApi(ErasureRequests requests) {
        this.requests = requests;
    }

    @GetMapping("/erasures")
    List<Erasure> list() {
        return requests.list().stream().map(Erasure::of).toList();
    }

    @PostMapping("/erasures")
    @ResponseStatus(HttpStatus.CREATED)
    Erasure request(@AuthenticationPrincipal SignedInUser user, @Valid @RequestBody NewErasure body) {
        return Erasure.of(requests.request(
                user, body.client(), body.reason(), Boolean.TRUE.equals(body.acknowledgeIdentifying())));
    }

    @PostMapping("/erasures/{number}/approve")
    Erasure approve(@AuthenticationPrincipal SignedInUser user, @PathVariable int number) {
        return Erasure.of(requests.approve(user, number));
    }

    @PostMapping("/erasures/{number}/cancel")
    Erasure cancel(@AuthenticationPrincipal SignedInUser user, @PathVariable int number) {
        return Erasure.of(requests.cancel(user, number));
    }

    @GetMapping("/erasures/{number}/certificate")
    ResponseEntity<byte[]> certificate(@PathVariable int number) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "attachment; filename=\"erasure-" + number + ".pdf\"")
                .body(requests.certificate(number));
    }

    @GetMapping("/erasure-settings")
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    GraceSettings settings() {
        return new GraceSettings(requests.graceDays());
    }

    @PutMapping("/erasure-settings")
    GraceSettings changeSettings(@Valid @RequestBody GraceSettings body) {
        requests.changeGraceDays(body.graceDays());
        return new GraceSettings(requests.graceDays());
    }
}
