package org.trackwell.monitoring.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.trackwell.monitoring.MonitoringRefused;
import org.trackwell.monitoring.NewWebhook;
import org.trackwell.monitoring.Webhook;
import org.trackwell.monitoring.WebhookDelivery;
import org.trackwell.monitoring.WebhookEvent;
import org.trackwell.monitoring.Webhooks;

/** A tenant admin's webhooks, the kinds of event each receives, and their delivery log (docs/api.md). */
@RestController
@RequestMapping("/api/v1/webhooks")
@PreAuthorize("hasRole('TENANT_ADMIN')")
class WebhooksApi {

    private static final int SHOWN = 200;

    private final Webhooks webhooks;

    WebhooksApi(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    record WebhookSubscription(
            @NotBlank @Size(max = 2000) String url,
            @NotEmpty @Size(max = 10) List<@NotBlank @Size(max = 40) String> events) {}

    record WebhookEvents(@NotEmpty @Size(max = 10) List<@NotBlank @Size(max = 40) String> events) {}

    record WebhookRemoval(@NotNull UUID webhook) {}

    /** A webhook; {@code events} are the types of docs/api.md, such as {@code score.recorded}. */
    record WebhookView(UUID id, String url, List<String> events, Instant createdAt) {
        static WebhookView of(Webhook webhook) {
            return new WebhookView(webhook.id(), webhook.url(), types(webhook.events()), webhook.createdAt());
        }
    }

    /** A webhook just added, with its secret: shown this once. */
    record AddedWebhookView(UUID id, String url, List<String> events, String secret) {
        @Override
        public String toString() {
            return "AddedWebhookView[" + id + ", " + url + ", secret=***]";
        }
    }

    record WebhookDeliveryView(
            UUID id,
            String url,
            String event,
            UUID eventId,
            String state,
            int attempts,
            @Nullable Instant deliveredAt,
            @Nullable Instant nextAttemptAt,
            @Nullable String lastOutcome,
            Instant createdAt) {
        static WebhookDeliveryView of(WebhookDelivery d) {
            return new WebhookDeliveryView(
                    d.id(),
                    d.url(),
                    d.event().type(),
                    d.eventId(),
                    d.state(),
                    d.attempts(),
                    d.deliveredAt(),
                    d.nextAttemptAt(),
                    d.lastOutcome(),
                    d.createdAt());
        }
    }

    @GetMapping
    List<WebhookView> listWebhooks() {
        return webhooks.list().stream().map(WebhookView::of).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    AddedWebhookView subscribe(@Valid @RequestBody WebhookSubscription body) {
        NewWebhook added = webhooks.add(body.url(), events(body.events()));
        return new AddedWebhookView(added.id(), added.url(), types(added.events()), added.secret());
    }

    @PutMapping("/{id}/events")
    WebhookView changeWebhookEvents(@PathVariable UUID id, @Valid @RequestBody WebhookEvents body) {
        return WebhookView.of(webhooks.changeEvents(id, events(body.events())));
    }

    @PostMapping("/remove")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unsubscribe(@Valid @RequestBody WebhookRemoval body) {
        webhooks.remove(body.webhook());
    }

    @GetMapping("/deliveries")
    List<WebhookDeliveryView> deliveryLog() {
        return webhooks.deliveries(SHOWN).stream().map(WebhookDeliveryView::of).toList();
    }

    private static Set<WebhookEvent> events(List<String> types) {
        Set<WebhookEvent> events = EnumSet.noneOf(WebhookEvent.class);
        for (String type : types) {
            events.add(WebhookEvent.ofType(type)
                    .orElseThrow(() -> new MonitoringRefused("There is no kind of event called " + type + ".")));
        }
        return events;
    }

    private static List<String> types(Set<WebhookEvent> events) {
        return events.stream().map(WebhookEvent::type).toList();
    }
}
