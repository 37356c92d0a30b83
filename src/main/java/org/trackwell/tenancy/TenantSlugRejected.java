package org.trackwell.tenancy;

import org.trackwell.shared.Refusal;

public final class TenantSlugRejected extends Refusal {

    TenantSlugRejected(String reason) {
        super(reason);
    }

    @Override
    public int status() {
        return 400;
    }

    @Override
    public String title() {
        return "Tenant slug rejected";
    }
}
