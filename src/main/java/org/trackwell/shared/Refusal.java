package org.trackwell.shared;

import java.util.List;
import java.util.Map;

/**
 * A request the product turns down for a reason the user may read: its message is written for
 * people and never carries internal detail. The web edge maps each to a problem detail once.
 */
public abstract class Refusal extends RuntimeException {

    protected Refusal(String message) {
        super(message, null, false, false);
    }

    /** The HTTP status that says this refusal. */
    public abstract int status();

    /** A short, stable title for the kind of refusal. */
    public abstract String title();

    /** Further points the user should read, each a sentence, such as the rules a password broke. */
    public List<String> details() {
        return List.of();
    }

    /** Whether the user may go ahead anyway by saying they mean it, such as the identifying-text warning. */
    public boolean canBeAcknowledged() {
        return false;
    }

    /** Response headers that belong to this refusal, such as {@code Retry-After}. */
    public Map<String, String> headers() {
        return Map.of();
    }
}
