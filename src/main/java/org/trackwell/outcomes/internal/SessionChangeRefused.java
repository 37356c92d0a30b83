package org.trackwell.outcomes.internal;

import org.trackwell.shared.Refusal;

/** A session or answer a rule forbids: no open episode, a measure already answered, and so on. */
public final class SessionChangeRefused extends Refusal {

    public SessionChangeRefused(String message) {
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
