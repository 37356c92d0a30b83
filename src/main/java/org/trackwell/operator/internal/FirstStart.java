package org.trackwell.operator.internal;

import java.io.PrintStream;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.trackwell.audit.Actor;
import org.trackwell.audit.AuditContext;
import org.trackwell.identity.Accounts;
import org.trackwell.identity.SetupLink;
import org.trackwell.operator.OperatorProperties;
import org.trackwell.tenancy.Tenant;
import org.trackwell.tenancy.Tenants;

/**
 * On the very first start of an empty installation, creates the first tenant and prints, once, the
 * way in for its administrator. There is no default password: only this one-time link.
 */
@Component
class FirstStart implements ApplicationRunner {

    private final OperatorProperties properties;
    private final Tenants tenants;
    private final Accounts accounts;

    FirstStart(OperatorProperties properties, Tenants tenants, Accounts accounts) {
        this.properties = properties;
        this.tenants = tenants;
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.firstStart() || tenants.any()) {
            return;
        }
        AuditContext.actAs(Actor.system());
        Tenant tenant = tenants.create(properties.firstTenantSlug(), properties.firstTenantName());
        SetupLink link = accounts.inviteFirstAdmin(tenant, properties.firstAdminEmail());
        PrintStream console = System.out;
        console.println();
        console.println("=".repeat(78));
        console.println("Trackwell is ready. First tenant: " + tenant.displayName() + " at " + tenants.baseUrl(tenant));
        java.io.PrintWriter writer = new java.io.PrintWriter(console, true);
        TenantCommands.printSetupLink(writer, link);
        console.println("This link is shown only now. Open it to choose the administrator's password.");
        console.println("=".repeat(78));
        console.println();
    }
}
