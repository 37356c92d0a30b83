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

    private SignInFailed(String message) {
        super(message);
    }

    /** A wrong second factor, or a sign-in that took too long: the password step is behind the user. */
    public static SignInFailed wrongCode() {
        return new SignInFailed("That code is not right, or the sign-in took too long. Try again, or start again.");
    }

    /** A wrong password or code when confirming who one is during a session. */
    public static SignInFailed notConfirmed() {
        return new SignInFailed("That is not right. Nothing was changed.");
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
