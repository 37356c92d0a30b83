package org.trackwell.identity;

import java.time.Instant;

/** An open session as its owner or an administrator sees it: never the token. */
public record OpenSession(String key, Instant createdAt, Instant lastUsedAt, Instant expiresAt) {}
