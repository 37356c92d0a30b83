package org.trackwell.identity;

import java.time.Instant;

/** A new session's bearer token: shown to its owner once, stored only as a hash. */
public record SessionToken(String token, Instant expiresAt, int idleTimeoutSeconds) {

    @Override
    public String toString() {
        return "SessionToken[token=***, expiresAt=" + expiresAt + "]";
    }
}
