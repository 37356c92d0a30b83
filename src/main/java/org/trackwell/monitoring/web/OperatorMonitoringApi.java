package org.trackwell.monitoring.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
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
import org.trackwell.monitoring.Check;
import org.trackwell.monitoring.CheckResult;
import org.trackwell.monitoring.CheckStatus;
import org.trackwell.monitoring.IntegrityChecks;
import org.trackwell.monitoring.NewWebhook;
import org.trackwell.monitoring.Webhook;
import org.trackwell.monitoring.WebhookDelivery;
import org.trackwell.monitoring.WebhookEvent;
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

    record CheckResultView(Check check, CheckStatus status, String summary, Instant checkedAt) {

        static CheckResultView of(CheckResult result) {
            return new CheckResultView(result.check(), result.status(), result.summary(), result.checkedAt());
        }
    }

    record OperatorAlertView(
            UUID id,
            String rule,
            String subject,
            String what,
            @Nullable String who,
            Instant happenedAt,
            List<UUID> auditEntries,
            @Nullable Instant acknowledgedAt,
            @Nullable String acknowledgedBy,
            @Nullable String acknowledgement) {

        static OperatorAlertView of(Alert alert) {
            return new OperatorAlertView(
                    alert.id(),
                    alert.rule(),
                    alert.subject(),
                    alert.what(),
                    alert.who(),
                    alert.happenedAt(),
                    alert.auditEntries(),
                    alert.acknowledgedAt(),
                    alert.acknowledgedBy(),
                    alert.acknowledgement());
        }
    }

    record OperatorWebhookView(UUID id, String url, Set<WebhookEvent> events, Instant createdAt) {

        static OperatorWebhookView of(Webhook webhook) {
            return new OperatorWebhookView(webhook.id(), webhook.url(), webhook.events(), webhook.createdAt());
        }
    }

    /** A webhook just added, with its secret: shown this once. */
    record AddedOperatorWebhookView(UUID id, String url, Set<WebhookEvent> events, String secret) {

        static AddedOperatorWebhookView of(NewWebhook added) {
            return new AddedOperatorWebhookView(added.id(), added.url(), added.events(), added.secret());
        }

        @Override
        public String toString() {
            return "AddedOperatorWebhookView[" + id + ", " + url + ", secret=***]";
        }
    }

    record OperatorDeliveryView(
            UUID id,
            String url,
            WebhookEvent event,
            UUID eventId,
            int attempts,
            @Nullable Instant deliveredAt,
            @Nullable Instant nextAttemptAt,
            @Nullable String lastOutcome,
            Instant createdAt) {

        static OperatorDeliveryView of(WebhookDelivery d) {
            return new OperatorDeliveryView(
                    d.id(),
                    d.url(),
                    d.event(),
                    d.eventId(),
                    d.attempts(),
                    d.deliveredAt(),
                    d.nextAttemptAt(),
                    d.lastOutcome(),
                    d.createdAt());
        }
    }

    @GetMapping("/checks")
    List<CheckResultView> checks() {
        return checks.latest().stream().map(CheckResultView::of).toList();
    }

    @GetMapping("/alerts")
    List<OperatorAlertView> alerts() {
        return alerts.newest(SHOWN).stream().map(OperatorAlertView::of).toList();
    }

    @PostMapping("/alerts/acknowledge")
    OperatorAlertView acknowledge(
            @AuthenticationPrincipal SignedInOperator operator, @Valid @RequestBody Acknowledgement body) {
        return OperatorAlertView.of(alerts.acknowledge(body.alert(), body.note(), "operator:" + operator.id()));
    }

    @GetMapping("/webhooks")
    List<OperatorWebhookView> webhooks() {
        return webhooks.list().stream().map(OperatorWebhookView::of).toList();
    }

    @PostMapping("/webhooks")
    @ResponseStatus(HttpStatus.CREATED)
    AddedOperatorWebhookView addWebhook(@Valid @RequestBody NewUrl body) {
        return AddedOperatorWebhookView.of(webhooks.add(body.url()));
    }

    @PostMapping("/webhooks/remove")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeWebhook(@Valid @RequestBody Removal body) {
        webhooks.remove(body.webhook());
    }

    @GetMapping("/webhooks/deliveries")
    List<OperatorDeliveryView> deliveries() {
        return webhooks.deliveries(SHOWN).stream().map(OperatorDeliveryView::of).toList();
    }
}
