package org.trackwell.identity;

import org.trackwell.shared.Refusal;

public final class UserNotFound extends Refusal {

    public UserNotFound() {
        super("There is no such user.");
    }

    @Override
    public int status() {
        return 404;
    }

    @Override
    public String title() {
        return "User not found";
    }
}
