package org.trackwell.identity;

import org.trackwell.shared.Refusal;

/** A code that does not confirm a new authenticator, or an enrolment that cannot start. */
public final class SecondFactorRejected extends Refusal {

    public SecondFactorRejected(String reason) {
        super(reason);
    }

    @Override
    public int status() {
        return 422;
    }

    @Override
    public String title() {
        return "Two-factor set-up refused";
    }
}
