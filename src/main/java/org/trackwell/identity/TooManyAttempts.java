package org.trackwell.identity;

import java.time.Duration;
import java.util.Map;
import org.trackwell.shared.Refusal;

/** Sign-in refused for now: the address is blocked, or the server is at its hashing limit. */
public final class TooManyAttempts extends Refusal {

    private final Duration retryAfter;

    public TooManyAttempts(Duration retryAfter) {
        super("Too many sign-in attempts. Please wait and try again.");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    @Override
    public Map<String, String> headers() {
        return Map.of("Retry-After", Long.toString(Math.max(1, retryAfter.toSeconds())));
    }

    @Override
    public int status() {
        return 429;
    }

    @Override
    public String title() {
        return "Too many attempts";
    }
}
