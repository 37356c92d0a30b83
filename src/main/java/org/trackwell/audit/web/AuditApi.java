package org.trackwell.audit.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.trackwell.audit.AuditEntry;
import org.trackwell.audit.AuditViewer;
import org.trackwell.audit.Outcome;
import org.trackwell.audit.internal.AuditRows;
import org.trackwell.audit.internal.SigningKey;

@RestController
@RequestMapping("/api/v1/audit")
class AuditApi {

    private final SigningKey key;
    private final AuditViewer viewer;

    AuditApi(SigningKey key, AuditViewer viewer) {
        this.key = key;
        this.viewer = viewer;
    }

    /** Anyone may verify exported checkpoints with this key. */
    @GetMapping("/public-key")
    Map<String, String> publicKey() {
        return Map.of(
                "algorithm", "Ed25519", "format", "X.509 SubjectPublicKeyInfo, base64", "key", key.publicKeyBase64());
    }

    /** The tenant's trail, newest first, filtered; reading it is itself recorded. */
    @GetMapping("/events")
    List<AuditEntryView> events(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant to,
            @RequestParam(required = false) @Nullable String action,
            @RequestParam(required = false) @Nullable String actor,
            @RequestParam(required = false) @Nullable String target,
            @RequestParam(required = false) @Nullable Outcome outcome,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size) {
        return viewer
                .search(
                        new AuditRows.Filter(from, to, action, actor, target, outcome == null ? null : outcome.name()),
                        size,
                        (long) page * size)
                .stream()
                .map(AuditEntry::of)
                .map(AuditEntryView::of)
                .toList();
    }
}
