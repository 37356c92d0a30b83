package org.trackwell.tenancy;

import org.trackwell.shared.Refusal;

public final class TenantClosed extends Refusal {

    TenantClosed(String slug) {
        super("The tenant " + slug + " has closed: nothing of it is left to open or change.");
    }

    @Override
    public int status() {
        return 409;
    }

    @Override
    public String title() {
        return "Tenant closed";
    }
}
