package org.trackwell.identity.internal;

import org.trackwell.audit.Actor;
import org.trackwell.audit.AuditTrail;
import org.trackwell.shared.CurrentTenant;
import org.trackwell.shared.TenantId;
import org.trackwell.shared.UserId;

/**
 * Every account lives in a realm: a tenant, or the installation, whose accounts are the operators.
 * The installation realm is the nil UUID in the identity tables' {@code tenant_id}, the id of the
 * operator's audit stream, so row-level security keeps it apart from every tenant as it keeps
 * tenants apart; the realm of the work at hand is the current tenant.
 */
public final class Realm {

    public static final TenantId INSTALLATION = AuditTrail.OPERATOR_STREAM;

    private Realm() {}

    public static boolean isInstallation(TenantId realm) {
        return INSTALLATION.equals(realm);
    }

    /** Whether the work at hand is the installation realm's (an operator's). */
    public static boolean installation() {
        return CurrentTenant.get().map(Realm::isInstallation).orElse(false);
    }

    /** An account as audit entries name it: {@code operator:<id>} or {@code user:<id>}. */
    public static String target(UserId account) {
        return (installation() ? "operator:" : "user:") + account;
    }

    /** An account acting for itself before it has a session (signing in, setting a password). */
    public static Actor actor(UserId account) {
        return installation()
                ? new Actor(Actor.Type.OPERATOR, account.toString(), "OPERATOR")
                : new Actor(Actor.Type.USER, account.toString(), null);
    }
}
