package org.trackwell.outcomes.internal;

import org.trackwell.shared.Refusal;

/**
 * A client link that no longer works: expired, used, revoked or locked after wrong PINs. Unknown
 * links get a 404 with the same words, so nothing is learnt by guessing.
 */
public final class LinkUnusable extends Refusal {

    private final int status;

    private LinkUnusable(String message, int status) {
        super(message);
        this.status = status;
    }

    public static LinkUnusable unknown() {
        return new LinkUnusable("This link does not work. Ask your practitioner for a new one.", 404);
    }

    public static LinkUnusable gone(String why) {
        return new LinkUnusable(why + " Ask your practitioner for a new one.", 410);
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public String title() {
        return status == 404 ? "Link not found" : "Link no longer works";
    }
}
