package org.trackwell.portability.internal;

import java.util.List;
import java.util.Map;
import org.trackwell.shared.Refusal;

/** A whole-tenant archive not made: its password is too weak, or one was made too recently. */
public final class ArchiveRefused extends Refusal {

    private final int status;
    private final List<String> details;
    private final Map<String, String> headers;

    private ArchiveRefused(String message, int status, List<String> details, Map<String, String> headers) {
        super(message);
        this.status = status;
        this.details = List.copyOf(details);
        this.headers = Map.copyOf(headers);
    }

    static ArchiveRefused weakPassword(List<String> failures) {
        return new ArchiveRefused(
                "Choose a stronger password for the archive: " + String.join(" ", failures), 400, failures, Map.of());
    }

    static ArchiveRefused tooSoon(long waitSeconds) {
        long minutes = Math.max(1, (waitSeconds + 59) / 60);
        return new ArchiveRefused(
                "An archive of this service was made a few minutes ago. Try again in " + minutes
                        + (minutes == 1 ? " minute." : " minutes."),
                429,
                List.of(),
                Map.of("Retry-After", Long.toString(waitSeconds)));
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public String title() {
        return status == 429 ? "Archive made too recently" : "Archive password too weak";
    }

    @Override
    public List<String> details() {
        return details;
    }

    @Override
    public Map<String, String> headers() {
        return headers;
    }
}
