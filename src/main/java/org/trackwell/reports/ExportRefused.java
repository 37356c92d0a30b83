package org.trackwell.reports;

import java.util.List;
import org.trackwell.shared.Refusal;

/** A download asked for in a way that cannot be given: a weak password, or bad filters. */
public final class ExportRefused extends Refusal {

    private final List<String> details;

    public ExportRefused(String message) {
        this(message, List.of());
    }

    public ExportRefused(String message, List<String> details) {
        super(message);
        this.details = List.copyOf(details);
    }

    @Override
    public int status() {
        return 400;
    }

    @Override
    public String title() {
        return "Download refused";
    }

    @Override
    public List<String> details() {
        return details;
    }
}
