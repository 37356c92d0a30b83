package org.trackwell.erasure.web;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.trackwell.erasure.internal.ErasureRequest;
import org.trackwell.erasure.internal.ErasureRequests;
import org.trackwell.identity.Accounts;
import org.trackwell.identity.SignedInUser;
import org.trackwell.identity.User;
import org.trackwell.shared.FormOutcome;
import org.trackwell.shared.ServiceTimeZone;

/**
 * The tenant admins' erasure pages: every request with what became of it, the form that asks for
 * one after saying what it does, and approving, cancelling and the certificate.
 */
@Controller
@RequestMapping("/admin/erasures")
class ErasurePages {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final ErasureRequests requests;
    private final Accounts accounts;
    private final ServiceTimeZone zone;

    ErasurePages(ErasureRequests requests, Accounts accounts, ServiceTimeZone zone) {
        this.requests = requests;
        this.accounts = accounts;
        this.zone = zone;
    }

    /** A request as the list shows it, in words and UK dates. */
    record Line(
            int number,
            String client,
            String stage,
            String requested,
            String progress,
            boolean canApprove,
            boolean canCancel,
            boolean hasCertificate) {}

    @GetMapping
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    String list(@AuthenticationPrincipal SignedInUser user, Model model) {
        Map<UUID, String> names = new HashMap<>(
                accounts.list().stream().collect(Collectors.toMap(u -> u.id().value(), User::displayName)));
        names.put(ErasureRequests.BY_RETENTION, "Trackwell, by the retention settings");
        List<Line> lines = requests.list().stream()
                .map(request -> line(request, names, user.id().value()))
                .toList();
        model.addAttribute("requests", lines);
        model.addAttribute("graceDays", requests.graceDays());
        return "erasure/requests";
    }

    @GetMapping("/new")
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    String ask(@RequestParam(defaultValue = "") String client, Model model) {
        @SuppressWarnings("unchecked")
        Map<String, String> typed = (Map<String, String>) model.getAttribute("typed");
        model.addAttribute("client", typed == null ? client : typed.getOrDefault("client", client));
        model.addAttribute("reason", typed == null ? "" : typed.getOrDefault("reason", ""));
        model.addAttribute("graceDays", requests.graceDays());
        return "erasure/new";
    }

    @PostMapping
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    String request(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(defaultValue = "") String client,
            @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "false") boolean acknowledgeIdentifying,
            RedirectAttributes redirect) {
        FormOutcome.flash(redirect, Map.of("client", client, "reason", reason), () -> {
            ErasureRequest asked = requests.request(user, client, reason, acknowledgeIdentifying);
            return "Erasure request " + asked.number() + " for client " + asked.client()
                    + " is waiting for another tenant admin to approve it.";
        });
        return redirect.getFlashAttributes().containsKey("error")
                ? "redirect:/admin/erasures/new"
                : "redirect:/admin/erasures";
    }

    @PostMapping("/{number}/approve")
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    String approve(@AuthenticationPrincipal SignedInUser user, @PathVariable int number, RedirectAttributes redirect) {
        FormOutcome.flash(redirect, () -> {
            ErasureRequest approved = requests.approve(user, number);
            return "Approved. Client " + approved.client() + " will be erased on " + day(approved.eraseAfter())
                    + " unless someone cancels it before then.";
        });
        return "redirect:/admin/erasures";
    }

    @PostMapping("/{number}/cancel")
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    String cancel(@AuthenticationPrincipal SignedInUser user, @PathVariable int number, RedirectAttributes redirect) {
        FormOutcome.flash(redirect, () -> {
            ErasureRequest cancelled = requests.cancel(user, number);
            return "Cancelled. Nothing of client " + cancelled.client() + "'s record was changed.";
        });
        return "redirect:/admin/erasures";
    }

    @GetMapping("/{number}/certificate")
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    ResponseEntity<byte[]> certificate(@PathVariable int number) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "attachment; filename=\"erasure-" + number + ".pdf\"")
                .body(requests.certificate(number));
    }

    private Line line(ErasureRequest request, Map<UUID, String> names, UUID me) {
        String requested = "Asked for by " + names.getOrDefault(request.requestedBy(), "a former user") + " on "
                + day(request.requestedAt());
        String progress = switch (request.stage()) {
            case AWAITING_APPROVAL -> "Another tenant admin must approve it.";
            case IN_GRACE ->
                "Approved by " + name(names, request.approvedBy()) + " on " + day(request.approvedAt())
                        + ". Will be erased on " + day(request.eraseAfter()) + " unless cancelled before then.";
            case ERASED -> "Erased on " + day(request.erasedAt()) + ".";
            case CANCELLED ->
                "Cancelled by " + name(names, request.cancelledBy()) + " on " + day(request.cancelledAt())
                        + ". Nothing was changed.";
        };
        return new Line(
                request.number(),
                request.client().toString(),
                stageWords(request.stage()),
                requested,
                progress,
                request.stage() == ErasureRequest.Stage.AWAITING_APPROVAL
                        && !request.requestedBy().equals(me),
                request.open(),
                request.stage() == ErasureRequest.Stage.ERASED);
    }

    private static String name(Map<UUID, String> names, @Nullable UUID id) {
        return id == null ? "" : names.getOrDefault(id, "a former user");
    }

    private static String stageWords(ErasureRequest.Stage stage) {
        return switch (stage) {
            case AWAITING_APPROVAL -> "Waiting for approval";
            case IN_GRACE -> "Approved, in the grace period";
            case ERASED -> "Erased";
            case CANCELLED -> "Cancelled";
        };
    }

    private String day(@Nullable Instant at) {
        return at == null ? "" : DAY.format(at.atZone(zone.zone()));
    }
}
