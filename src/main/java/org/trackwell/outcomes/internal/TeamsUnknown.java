package org.trackwell.outcomes.internal;

import org.trackwell.shared.Refusal;

/** Teams named for a measure that are not the service's teams. */
public final class TeamsUnknown extends Refusal {

    public TeamsUnknown() {
        super("One of those teams is not one of the service's teams.");
    }

    @Override
    public int status() {
        return 400;
    }

    @Override
    public String title() {
        return "Team not known";
    }
}
