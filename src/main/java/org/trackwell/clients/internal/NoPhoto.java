package org.trackwell.clients.internal;

import org.trackwell.shared.Refusal;

/** The client has no photo on file. */
public final class NoPhoto extends Refusal {

    public NoPhoto() {
        super("This client has no photo.");
    }

    @Override
    public int status() {
        return 404;
    }

    @Override
    public String title() {
        return "Not found";
    }
}
