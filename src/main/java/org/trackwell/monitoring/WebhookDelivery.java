package org.trackwell.monitoring;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One event sent, or being sent, to one webhook: the delivery log.
 *
 * @param nextAttemptAt when it is tried again; none once delivered or given up
 * @param lastOutcome the last attempt's answer, such as {@code HTTP 200} or {@code no answer}
 */
public record WebhookDelivery(
        UUID id,
        String url,
        WebhookEvent event,
        UUID eventId,
        int attempts,
        @Nullable Instant deliveredAt,
        @Nullable Instant nextAttemptAt,
        @Nullable String lastOutcome,
        Instant createdAt) {

    /** The delivery's state in words. */
    public String state() {
        if (deliveredAt != null) {
            return "delivered";
        }
        return nextAttemptAt == null ? "given up" : attempts == 0 ? "waiting" : "retrying";
    }
}
