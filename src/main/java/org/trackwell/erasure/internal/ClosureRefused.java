package org.trackwell.erasure.internal;

import org.trackwell.shared.Refusal;

/** A step of closing a tenant that breaks a rule: no fresh archive, a second request, a notice period not over. */
public final class ClosureRefused extends Refusal {

    private final int status;

    private ClosureRefused(String reason, int status) {
        super(reason);
        this.status = status;
    }

    static ClosureRefused invalid(String reason) {
        return new ClosureRefused(reason, 400);
    }

    public static ClosureRefused conflict(String reason) {
        return new ClosureRefused(reason, 409);
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public String title() {
        return status == 400 ? "Invalid closure request" : "Closure refused";
    }
}
