package org.trackwell.outcomes.internal;

import org.trackwell.shared.Refusal;

public final class SessionNotFound extends Refusal {

    public SessionNotFound() {
        super("There is no such session for this client.");
    }

    @Override
    public int status() {
        return 404;
    }

    @Override
    public String title() {
        return "Session not found";
    }
}
