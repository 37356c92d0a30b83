package org.trackwell.monitoring.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.trackwell.identity.SignedInOperator;
import org.trackwell.monitoring.Alert;
import org.trackwell.monitoring.Alerts;
import org.trackwell.monitoring.CheckResult;
import org.trackwell.monitoring.IntegrityChecks;
import org.trackwell.monitoring.NewWebhook;
import org.trackwell.monitoring.Webhook;
import org.trackwell.monitoring.WebhookDelivery;
import org.trackwell.monitoring.Webhooks;

/** The operators' side, on the operator's host: the checks' latest results, installation alerts and webhooks. */
@RestController
@RequestMapping("/api/v1/operator")
@PreAuthorize("hasRole('OPERATOR')")
class OperatorMonitoringApi {

    private static final int SHOWN = 200;

    private final IntegrityChecks checks;
    private final Alerts alerts;
    private final Webhooks webhooks;

    OperatorMonitoringApi(IntegrityChecks checks, Alerts alerts, Webhooks webhooks) {
        this.checks = checks;
        this.alerts = alerts;
        this.webhooks = webhooks;
    }

    record Acknowledgement(
            @NotNull UUID alert, @NotBlank @Size(max = 1000) String note) {}

    record NewUrl(@NotBlank @Size(max = 2000) String url) {}

    record Removal(@NotNull UUID webhook) {}

    @GetMapping("/checks")
    List<CheckResult> checks() {
        return checks.latest();
    }

    @GetMapping("/alerts")
    List<Alert> alerts() {
        return alerts.newest(SHOWN);
    }

    @PostMapping("/alerts/acknowledge")
    Alert acknowledge(@AuthenticationPrincipal SignedInOperator operator, @Valid @RequestBody Acknowledgement body) {
        return alerts.acknowledge(body.alert(), body.note(), "operator:" + operator.id());
    }

    @GetMapping("/webhooks")
    List<Webhook> webhooks() {
        return webhooks.list();
    }

    @PostMapping("/webhooks")
    @ResponseStatus(HttpStatus.CREATED)
    NewWebhook addWebhook(@Valid @RequestBody NewUrl body) {
        return webhooks.add(body.url());
    }

    @PostMapping("/webhooks/remove")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeWebhook(@Valid @RequestBody Removal body) {
        webhooks.remove(body.webhook());
    }

    @GetMapping("/webhooks/deliveries")
    List<WebhookDelivery> deliveries() {
        return webhooks.deliveries(SHOWN);
    }
}
