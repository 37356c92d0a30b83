package org.trackwell.identity.internal;

import org.trackwell.shared.Refusal;

/** No service account by that id in this tenant. */
public final class ApiClientNotFound extends Refusal {

    public ApiClientNotFound() {
        super("There is no such service account.");
    }

    @Override
    public int status() {
        return 404;
    }

    @Override
    public String title() {
        return "Not found";
    }
}
