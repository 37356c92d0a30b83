package org.trackwell.reports.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.trackwell.audit.AuditAction;
import org.trackwell.clients.ClientRef;
import org.trackwell.clients.ReachedClient;
import org.trackwell.identity.SignedInUser;
import org.trackwell.reports.internal.ClientSummaries;

/** The client summary through the API, as the page shows it. */
@RestController
class ClientSummaryApi {

    private final ClientSummaries summaries;

    ClientSummaryApi(ClientSummaries summaries) {
        this.summaries = summaries;
    }

    @GetMapping("/api/v1/clients/{code}/summary")
    ClientSummaryReportView summary(
            @AuthenticationPrincipal SignedInUser user,
            @ReachedClient(viewed = AuditAction.CLIENT_SUMMARY_VIEWED) ClientRef client) {
        return ClientSummaryReportView.of(summaries.of(user, client));
    }
}
