package org.trackwell.monitoring;

import org.trackwell.shared.Refusal;

public final class AlertNotFound extends Refusal {

    public AlertNotFound() {
        super("There is no such alert.");
    }

    @Override
    public int status() {
        return 404;
    }

    @Override
    public String title() {
        return "Not Found";
    }
}
