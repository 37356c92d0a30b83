package org.trackwell.shared;

/** A sensitive action asked for without a recent confirmation of who the user is. */
public final class ConfirmItIsYou extends Refusal {

    public ConfirmItIsYou() {
        super(
                "Confirm it is you with your password or a second-factor code (POST /api/v1/me/confirm), then try again.");
    }

    @Override
    public int status() {
        return 403;
    }

    @Override
    public String title() {
        return "Confirm it is you";
    }
}
