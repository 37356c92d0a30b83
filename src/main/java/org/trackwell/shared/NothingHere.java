package org.trackwell.shared;

/** Answered exactly like a missing page, so that nothing reveals what exists. */
public final class NothingHere extends Refusal {

    public NothingHere() {
        super("There is nothing here.");
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
