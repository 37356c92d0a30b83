package org.trackwell.outcomes.internal;

import org.trackwell.shared.Refusal;

public final class MeasureNotFound extends Refusal {

    public MeasureNotFound() {
        super("There is no measure with that id.");
    }

    @Override
    public int status() {
        return 404;
    }

    @Override
    public String title() {
        return "Measure not found";
    }
}
