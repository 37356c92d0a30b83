package org.trackwell.clients.internal;

import org.trackwell.shared.Refusal;

/** A change to a client's record that breaks a rule, such as editing a closed episode. */
public final class ClientChangeRefused extends Refusal {

    public ClientChangeRefused(String reason) {
        super(reason);
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
