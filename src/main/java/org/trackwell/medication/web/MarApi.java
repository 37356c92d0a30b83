package org.trackwell.medication.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.trackwell.audit.AuditAction;
import org.trackwell.clients.ClientRef;
import org.trackwell.clients.ReachedClient;
import org.trackwell.identity.SignedInUser;
import org.trackwell.medication.internal.MarCharts;
import org.trackwell.medication.internal.MedicationAlert;
import org.trackwell.medication.internal.MedicationAlerts;

/** The MAR chart and the managers' reports: adherence and medication alerts. */
@RestController
@RequestMapping("/api/v1")
class MarApi {

    private final MedicationAlerts alerts;
    private final MarCharts charts;

    MarApi(MedicationAlerts alerts, MarCharts charts) {
        this.alerts = alerts;
        this.charts = charts;
    }

    record AlertView(UUID id, String client, MedicationAlert.Kind kind, String message, Instant raisedAt) {}

    @GetMapping("/clients/{code}/mar")
    MarViews.MarChartView mar(
            @RequestParam YearMonth month,
            @ReachedClient(value = ReachedClient.Need.MEDICATION_RECORD, viewed = AuditAction.MAR_VIEWED)
                    ClientRef client) {
        return MarViews.MarChartView.of(charts.month(client, month));
    }

    @GetMapping("/medication/alerts")
    List<AlertView> alerts(@AuthenticationPrincipal SignedInUser user) {
        return alerts.open(user).stream()
                .map(a -> new AlertView(a.id(), a.client().toString(), a.kind(), a.message(), a.raisedAt()))
                .toList();
    }

    @PostMapping("/medication/alerts/{id}/acknowledge")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void acknowledge(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id) {
        alerts.acknowledge(user, id);
    }

    @GetMapping("/medication/adherence")
    MarViews.TeamAdherenceView adherence(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam UUID team,
            @RequestParam LocalDate from,
            @RequestParam LocalDate to) {
        return MarViews.TeamAdherenceView.of(charts.team(user, team, from, to));
    }
}
