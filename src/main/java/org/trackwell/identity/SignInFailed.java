package org.trackwell.identity;

import org.trackwell.shared.Refusal;

/**
 * The one answer to every failed sign-in: unknown e-mail, wrong password, locked or disabled
 * account all look the same, so the answer never tells whether an account exists.
 */
public final class SignInFailed extends Refusal {

    public SignInFailed() {
        super("The e-mail address or password is not right.");
    }

    @Override
    public int status() {
        return 401;
    }

    @Override
    public String title() {
        return "Sign-in failed";
    }
}
