package org.trackwell.outcomes.internal;

import org.trackwell.shared.Refusal;

/** A change to the catalogue or the outcome settings that a rule forbids, such as a licence. */
public final class MeasureChangeRefused extends Refusal {

    public MeasureChangeRefused(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 409;
    }

    @Override
    public String title() {
        return "Change refused";
    }
}
