package org.trackwell.operator.internal;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.trackwell.keys.MasterKeyRotation;
import org.trackwell.keys.TenantKeyRotation;
import org.trackwell.shared.Refusal;
import org.trackwell.tenancy.Tenant;
import org.trackwell.tenancy.Tenants;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "keys",
        mixinStandardHelpOptions = true,
        subcommands = KeysCommands.Rotate.class,
        description = "The key hierarchy. Never shows a key.")
public class KeysCommands {

    @Command(
            name = "rotate",
            description = "Rotate the master key, or one tenant's field key, while the service keeps serving.")
    static class Rotate implements Callable<Integer> {

        static class Which {

            @Option(names = "--master", required = true, description = "The master key (wraps every tenant's keys)")
            boolean master;

            @Option(names = "--tenant", required = true, description = "This tenant's field key (by slug)")
            @Nullable
            String tenant;
        }

        private final MasterKeyRotation masterRotation;
        private final TenantKeyRotation tenantRotation;
        private final Tenants tenants;

        @Spec
        CommandSpec spec;

        @ArgGroup(multiplicity = "1")
        Which which;

        @Option(
                names = "--settle-seconds",
                defaultValue = "60",
                description = "How long running servers may keep using a cached tenant key (default 60)")
        int settleSeconds;

        Rotate(MasterKeyRotation masterRotation, TenantKeyRotation tenantRotation, Tenants tenants) {
            this.masterRotation = masterRotation;
            this.tenantRotation = tenantRotation;
            this.tenants = tenants;
        }

        @Override
        public Integer call() throws InterruptedException {
            PrintWriter out = spec.commandLine().getOut();
            if (which.master) {
                MasterKeyRotation.Result result = masterRotation.rotate();
                out.println("Master key rotated: the keys of " + result.tenantsRewrapped()
                        + " tenants are wrapped under the new key; the old key is destroyed.");
                return 0;
            }
            Tenant tenant;
            try {
                tenant = tenants.bySlug(Objects.requireNonNull(which.tenant, "picocli requires --master or --tenant"));
            } catch (Refusal refusal) {
                spec.commandLine().getErr().println(refusal.getMessage());
                return TenantCommands.REFUSED;
            }
            TenantKeyRotation.Result result = tenantRotation.rotate(tenant, Duration.ofSeconds(settleSeconds));
            out.println("Field key of " + tenant.slug() + " rotated: " + result.clientKeysRewrapped()
                    + " client keys wrapped and " + result.fieldsResealed() + " fields sealed again in "
                    + result.passes() + " passes; the old key is destroyed.");
            return 0;
        }
    }
}
