package org.trackwell.reports;

import java.time.Duration;
import java.util.Map;
import org.trackwell.shared.Refusal;

/** The user has downloaded as many exports as the limit allows for now. */
public final class ExportsTooFrequent extends Refusal {

    private final Duration retryAfter;

    public ExportsTooFrequent(int limit, Duration window, Duration retryAfter) {
        super("You have downloaded " + limit + " exports in the last " + window.toMinutes()
                + " minutes, which is the limit. Please wait a few minutes and try again.");
        this.retryAfter = retryAfter;
    }

    @Override
    public int status() {
        return 429;
    }

    @Override
    public String title() {
        return "Too many downloads";
    }

    @Override
    public Map<String, String> headers() {
        return Map.of("Retry-After", Long.toString(Math.max(1, retryAfter.toSeconds())));
    }
}
