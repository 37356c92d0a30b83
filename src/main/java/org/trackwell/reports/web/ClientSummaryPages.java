package org.trackwell.reports.web;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.trackwell.audit.AuditAction;
import org.trackwell.clients.ClientRef;
import org.trackwell.clients.ReachedClient;
import org.trackwell.identity.SignedInUser;
import org.trackwell.reports.internal.ClientSummaries;
import org.trackwell.reports.internal.SummaryPdf;

/** The client summary: a page, and the same as a PDF to print or file; each read is one audit entry. */
@Controller
class ClientSummaryPages {

    private final ClientSummaries summaries;

    ClientSummaryPages(ClientSummaries summaries) {
        this.summaries = summaries;
    }

    @GetMapping("/clients/{code}/summary")
    String page(
            @AuthenticationPrincipal SignedInUser user,
            @ReachedClient(viewed = AuditAction.CLIENT_SUMMARY_VIEWED) ClientRef client,
            Model model) {
        model.addAttribute("summary", summaries.of(user, client));
        return "reports/client-summary";
    }

    @GetMapping("/clients/{code}/summary.pdf")
    ResponseEntity<byte[]> pdf(
            @AuthenticationPrincipal SignedInUser user,
            @ReachedClient(viewed = AuditAction.CLIENT_SUMMARY_PRINTED) ClientRef client) {
        ClientSummaries.Summary summary = summaries.of(user, client);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("summary-" + summary.code() + "-" + summary.on() + ".pdf")
                                .build()
                                .toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(SummaryPdf.of(summary));
    }
}
