package org.trackwell.identity;

import org.trackwell.shared.Refusal;

/** The witness's e-mail, password or code was not right; which of them is never said. */
public final class WitnessNotConfirmed extends Refusal {

    public WitnessNotConfirmed() {
        super("The witness's e-mail address, password or code is not right. Nothing was recorded.");
    }

    @Override
    public int status() {
        return 403;
    }

    @Override
    public String title() {
        return "Witness not confirmed";
    }
}
