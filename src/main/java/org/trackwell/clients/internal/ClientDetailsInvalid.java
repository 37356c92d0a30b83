package org.trackwell.clients.internal;

import org.trackwell.shared.Refusal;

/** A client detail that is not valid: an NHS number with a wrong check digit, an unknown choice. */
public final class ClientDetailsInvalid extends Refusal {

    public ClientDetailsInvalid(String reason) {
        super(reason);
    }

    @Override
    public int status() {
        return 400;
    }

    @Override
    public String title() {
        return "Invalid client details";
    }
}
