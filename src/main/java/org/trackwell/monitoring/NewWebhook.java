package org.trackwell.monitoring;

import java.util.UUID;

/**
 * A webhook just added, with the secret its receiver checks signatures with: shown this once.
 * Deliveries carry {@code X-Trackwell-Signature: sha256=<hex HMAC-SHA256 of the body>}.
 */
public record NewWebhook(UUID id, String url, String secret) {

    @Override
    public String toString() {
        return "NewWebhook[" + id + ", " + url + ", secret=***]";
    }
}
