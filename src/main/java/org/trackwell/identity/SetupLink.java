package org.trackwell.identity;

import java.time.Instant;

/** A one-time link with which a new user chooses their password. The URL is a secret: never log it. */
public record SetupLink(String email, String url, Instant expiresAt) {

    @Override
    public String toString() {
        return "SetupLink[email=" + email + ", url=***, expiresAt=" + expiresAt + "]";
    }
}
