package org.trackwell.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.trackwell.database.TenantTransactions;
import org.trackwell.identity.internal.AccountRows;
import org.trackwell.shared.Ids;
import org.trackwell.shared.Tokens;
import org.trackwell.shared.UserId;
import org.trackwell.tenancy.Tenant;
import org.trackwell.tenancy.Tenants;

@Service
public class Accounts {

    private final AccountRows rows;
    private final Tenants tenants;
    private final Tokens tokens;
    private final Ids ids;
    private final Clock clock;
    private final IdentityProperties properties;
    private final TenantTransactions transactions;

    Accounts(
            AccountRows rows,
            Tenants tenants,
            Tokens tokens,
            Ids ids,
            Clock clock,
            IdentityProperties properties,
            TenantTransactions transactions) {
        this.rows = rows;
        this.tenants = tenants;
        this.tokens = tokens;
        this.ids = ids;
        this.clock = clock;
        this.properties = properties;
        this.transactions = transactions;
    }

    /** Creates a tenant's first administrator and returns the one-time link to set their password. */
    public SetupLink inviteFirstAdmin(Tenant tenant, String email) {
        return transactions.inTenant(
                tenant.id(), () -> invite(tenant, email, "Administrator", Set.of(Role.TENANT_ADMIN)));
    }

    private SetupLink invite(Tenant tenant, String email, String displayName, Set<Role> roles) {
        String normalisedEmail = email.strip().toLowerCase(Locale.ROOT);
        UserId user = new UserId(ids.next());
        Instant now = clock.instant();
        rows.insertInvited(tenant.id(), user, normalisedEmail, displayName, now);
        roles.forEach(role -> rows.addRole(tenant.id(), user, role));
        String token = tokens.newToken();
        Instant expiresAt = now.plus(properties.setupLinkValidity());
        rows.insertSetupToken(tenant.id(), Tokens.hash(token), user, expiresAt);
        return new SetupLink(normalisedEmail, tenants.baseUrl(tenant) + "/account/setup?token=" + token, expiresAt);
    }
}
