package org.trackwell.monitoring;

import org.trackwell.shared.Refusal;

/** Input to an alert or webhook the product turns down, with why in words. */
public final class MonitoringRefused extends Refusal {

    public MonitoringRefused(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 400;
    }

    @Override
    public String title() {
        return "Bad Request";
    }
}
