package org.trackwell.reports;

import java.util.List;
import org.trackwell.shared.Refusal;

/** A report or download asked for in a way that cannot be given: bad filters, a format or a weak password. */
public final class ReportRefused extends Refusal {

    private final List<String> details;

    public ReportRefused(String message) {
        this(message, List.of());
    }

    public ReportRefused(String message, List<String> details) {
        super(message);
        this.details = List.copyOf(details);
    }

    @Override
    public int status() {
        return 400;
    }

    @Override
    public String title() {
        return "Report refused";
    }

    @Override
    public List<String> details() {
        return details;
    }
}
