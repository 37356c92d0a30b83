package org.trackwell.monitoring;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A webhook and the kinds of event posted to it. Its secret is shown once, when it is added
 * ({@link NewWebhook}).
 */
public record Webhook(UUID id, String url, Set<WebhookEvent> events, Instant createdAt) {}
