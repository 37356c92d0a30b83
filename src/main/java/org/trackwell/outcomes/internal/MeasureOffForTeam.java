package org.trackwell.outcomes.internal;

import org.trackwell.shared.Refusal;

/** A measure the service uses but has switched off for the client's team. */
public final class MeasureOffForTeam extends Refusal {

    public MeasureOffForTeam(String measure) {
        super(measure + " is switched off for this client's team.");
    }

    @Override
    public int status() {
        return 400;
    }

    @Override
    public String title() {
        return "Measure not used by the team";
    }
}
