package org.trackwell.erasure.internal;

import org.trackwell.shared.Refusal;

/** An erasure step that breaks a rule: a second request for the same client, or one no longer open. */
public final class ErasureRefused extends Refusal {

    private final int status;

    private ErasureRefused(String reason, int status) {
        super(reason);
        this.status = status;
    }

    static ErasureRefused conflict(String reason) {
        return new ErasureRefused(reason, 409);
    }

    static ErasureRefused notFound() {
        return new ErasureRefused("There is no such erasure request.", 404);
    }

    /** The code in the form names no client: bad input, said on the form, rather than a missing page. */
    static ErasureRefused noSuchClient() {
        return new ErasureRefused("There is no client with that code: check it on the client's page.", 400);
    }

    static ErasureRefused invalid(String reason) {
        return new ErasureRefused(reason, 400);
    }

    /** The four-eyes rule: whoever asked for an erasure can never be the one who approves it. */
    static ErasureRefused ownRequest() {
        return new ErasureRefused(
                "You asked for this erasure, so another tenant admin must approve it: nobody approves their own.", 403);
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public String title() {
        return switch (status) {
            case 403 -> "Not your approval to give";
            case 404 -> "Not found";
            case 400 -> "Invalid erasure request";
            default -> "Erasure refused";
        };
    }
}
