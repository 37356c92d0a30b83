package org.trackwell.portability.internal;

import java.util.List;
import java.util.Map;
import org.trackwell.shared.Refusal;

/** A subject access archive not made: no client has that code, its password is too weak, or one was made just now. */
public final class SubjectAccessRefused extends Refusal {

    private final int status;
    private final String title;
    private final List<String> details;
    private final Map<String, String> headers;

    private SubjectAccessRefused(
            String message, int status, String title, List<String> details, Map<String, String> headers) {
        super(message);
        this.status = status;
        this.title = title;
        this.details = List.copyOf(details);
        this.headers = Map.copyOf(headers);
    }

    static SubjectAccessRefused noSuchClient() {
        return new SubjectAccessRefused(
                "There is no client with that code: check it on the client's page.",
                400,
                "No such client",
                List.of(),
                Map.of());
    }

    static SubjectAccessRefused weakPassword(List<String> failures) {
        return new SubjectAccessRefused(
                "Choose a stronger password for the archive: " + String.join(" ", failures),
                400,
                "Archive password too weak",
                failures,
                Map.of());
    }

    static SubjectAccessRefused tooSoon(long waitSeconds) {
        return new SubjectAccessRefused(
                "A subject access archive was made a moment ago. Try again in a minute.",
                429,
                "Archive made too recently",
                List.of(),
                Map.of("Retry-After", Long.toString(waitSeconds)));
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public String title() {
        return title;
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
