package org.trackwell.outcomes.internal;

import org.trackwell.shared.Refusal;

/** A wrong PIN for a chart link; the fifth locks the link. */
public final class WrongPin extends Refusal {

    public WrongPin(int triesLeft) {
        super("That PIN is not right. " + triesLeft + (triesLeft == 1 ? " try" : " tries")
                + " left before the link locks.");
    }

    @Override
    public int status() {
        return 403;
    }

    @Override
    public String title() {
        return "Wrong PIN";
    }
}
