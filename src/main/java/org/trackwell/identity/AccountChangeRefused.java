package org.trackwell.identity;

import org.trackwell.shared.Refusal;

/** An account change that would break a rule, such as leaving a tenant without an active admin. */
public final class AccountChangeRefused extends Refusal {

    public AccountChangeRefused(String reason) {
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
