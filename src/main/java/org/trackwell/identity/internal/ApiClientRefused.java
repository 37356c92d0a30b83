package org.trackwell.identity.internal;

import org.trackwell.shared.Refusal;

/** A service account's details that break a rule: no name, no scope, no team, a past expiry... */
public final class ApiClientRefused extends Refusal {

    public ApiClientRefused(String reason) {
        super(reason);
    }

    @Override
    public int status() {
        return 400;
    }

    @Override
    public String title() {
        return "Service account refused";
    }
}
