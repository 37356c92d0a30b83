package org.trackwell.identity;

import org.trackwell.shared.Refusal;

/** An account change that cannot be read as asked, such as the same team named twice. */
public final class AccountDetailsInvalid extends Refusal {

    public AccountDetailsInvalid(String reason) {
        super(reason);
    }

    @Override
    public int status() {
        return 400;
    }

    @Override
    public String title() {
        return "Invalid account details";
    }
}
