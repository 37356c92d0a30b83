package org.trackwell.identity;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.trackwell.audit.Actor;
import org.trackwell.identity.internal.Realm;
import org.trackwell.shared.TenantId;
import org.trackwell.shared.UserId;

/**
 * Who a valid session token or API key belongs to, as every request sees them: a tenant's user, an
 * operator (the installation realm), or a tenant's service account, which holds the manager's
 * reach over its teams' clients and calls only the API routes its scopes allow.
 */
public record SignedInUser(
        TenantId tenant,
        UserId id,
        String email,
        String displayName,
        Set<Role> roles,
        Set<UUID> teams,
        String sessionKey,
        Instant expiresAt,
        int idleTimeoutSeconds,
        boolean termsAccepted,
        Instant verifiedAt,
        boolean mustEnrolSecondFactor,
        boolean serviceAccount,
        Set<ApiScope> scopes) {

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** This user as the audit trail names them: by id and roles (or scopes), never by name or e-mail. */
    public Actor asActor() {
        if (serviceAccount) {
            return new Actor(
                    Actor.Type.SERVICE_ACCOUNT,
                    id.toString(),
                    String.join(
                            ",", scopes.stream().map(ApiScope::code).sorted().toList()));
        }
        if (Realm.isInstallation(tenant)) {
            return new Actor(Actor.Type.OPERATOR, id.toString(), "OPERATOR");
        }
        return Actor.user(
                id.toString(),
                String.join(",", roles.stream().map(Role::name).sorted().toList()));
    }

    @Override
    public String toString() {
        return "SignedInUser[tenant=" + tenant + ", id=" + id + ", roles=" + roles
                + (serviceAccount ? ", scopes=" + scopes : "") + "]";
    }
}
