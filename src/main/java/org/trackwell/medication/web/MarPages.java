package org.trackwell.medication.web;

import java.time.Clock;
import java.time.YearMonth;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.trackwell.audit.AuditAction;
import org.trackwell.clients.ClientRef;
import org.trackwell.clients.ReachedClient;
import org.trackwell.identity.SignedInUser;
import org.trackwell.medication.internal.MarCharts;
import org.trackwell.medication.internal.MarPrintout;
import org.trackwell.medication.internal.MarPrintouts;
import org.trackwell.medication.internal.Medicines;
import org.trackwell.medication.internal.NotGivenReason;

/** A client's MAR chart, on screen and printed. */
@Controller
class MarPages {

    private final Medicines medicines;
    private final MarCharts charts;
    private final MarPrintouts printouts;
    private final Clock clock;

    MarPages(Medicines medicines, MarCharts charts, MarPrintouts printouts, Clock clock) {
        this.medicines = medicines;
        this.charts = charts;
        this.printouts = printouts;
        this.clock = clock;
    }

    @GetMapping("/clients/{code}/medication/mar")
    String mar(
            @RequestParam(required = false) YearMonth month,
            @ReachedClient(value = ReachedClient.Need.MEDICATION_RECORD, viewed = AuditAction.MAR_VIEWED)
                    ClientRef client,
            Model model) {
        YearMonth chosen = month != null
                ? month
                : YearMonth.now(clock.withZone(medicines.settings().zone()));
        model.addAttribute("code", client.code().toString());
        model.addAttribute("chart", charts.month(client, chosen));
        model.addAttribute("reasons", NotGivenReason.values());
        return "medication/mar";
    }

    @GetMapping("/clients/{code}/medication/mar.pdf")
    ResponseEntity<byte[]> marPdf(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam YearMonth month,
            @ReachedClient(value = ReachedClient.Need.MEDICATION_RECORD, viewed = AuditAction.MAR_PRINTED)
                    ClientRef client) {
        MarPrintout printout = printouts.month(user, client, month);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"mar-" + printout.client() + "-" + month + ".pdf\"")
                .body(MarPdf.render(printout));
    }
}
