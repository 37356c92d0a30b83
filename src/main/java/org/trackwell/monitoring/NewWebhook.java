package org.trackwell.monitoring;

import java.util.Set;
import java.util.UUID;

/**
 * A webhook just added, with the secret its receiver checks signatures with: shown this once.
 * Deliveries carry {@code X-Trackwell-Timestamp} and {@code X-Trackwell-Signature-256}, the hex
 * HMAC-SHA256 of the timestamp, a full stop and the body (docs/api.md).
 */
public record NewWebhook(UUID id, String url, Set<WebhookEvent> events, String secret) {

    @Override
    public String toString() {
        return "NewWebhook[" + id + ", " + url + ", " + events + ", secret=***]";
    }
}
