package org.trackwell.tenancy;

import org.trackwell.shared.Refusal;

public final class TenantNotFound extends Refusal {

    public TenantNotFound(String slug) {
        super("There is no tenant " + slug + ".");
    }

    @Override
    public int status() {
        return 404;
    }

    @Override
    public String title() {
        return "Tenant not found";
    }
}
