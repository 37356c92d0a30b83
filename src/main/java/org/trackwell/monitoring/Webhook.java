package org.trackwell.monitoring;

import java.time.Instant;
import java.util.UUID;

/** A webhook alerts are posted to. Its secret is shown once, when it is added ({@link NewWebhook}). */
public record Webhook(UUID id, String url, Instant createdAt) {}
