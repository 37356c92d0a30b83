package org.trackwell.operator.internal;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.trackwell.audit.AuditTrail;
import org.trackwell.audit.AuditVerifier;
import org.trackwell.audit.StreamVerification;
import org.trackwell.tenancy.Tenant;
import org.trackwell.tenancy.Tenants;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "audit",
        mixinStandardHelpOptions = true,
        subcommands = AuditCommands.Verify.class,
        description = "The tamper-evident audit trail.")
public class AuditCommands {

    @Command(name = "verify", description = "Recompute every chain and report the first break, or OK.")
    static class Verify implements Callable<Integer> {

        private final AuditVerifier verifier;
        private final Tenants tenants;

        @Spec
        CommandSpec spec;

        @Option(names = "--tenant", description = "Only this tenant (default: every tenant and the operator stream)")
        @Nullable
        String slug;

        @Option(names = "--checkpoints", description = "Directory of exported checkpoint files to check against")
        @Nullable
        Path checkpoints;

        /** Whether every stream verified; any break makes the command exit 1. */
        private boolean allOk = true;

        Verify(AuditVerifier verifier, Tenants tenants) {
            this.verifier = verifier;
            this.tenants = tenants;
        }

        @Override
        public Integer call() {
            int refused = TenantCommands.refusalsAsExitCode(spec, this::verifyAll);
            if (refused != 0) {
                return refused;
            }
            return allOk ? 0 : 1;
        }

        private void verifyAll() {
            PrintWriter out = spec.commandLine().getOut();
            List<Tenant> chosen = new ArrayList<>(slug == null ? tenants.list() : List.of(tenants.bySlug(slug)));
            if (slug == null) {
                report(out, "operator", verifier.verify(AuditTrail.OPERATOR_STREAM, Optional.ofNullable(checkpoints)));
            }
            for (Tenant tenant : chosen) {
                report(out, tenant.slug(), verifier.verify(tenant.id(), Optional.ofNullable(checkpoints)));
            }
        }

        private void report(PrintWriter out, String name, StreamVerification result) {
            if (result.ok()) {
                out.printf(
                        Locale.ROOT,
                        "%-24s OK      %d entries, %d checkpoints, in %.2f s%n",
                        name,
                        result.entriesChecked(),
                        result.checkpointsChecked(),
                        result.seconds());
                return;
            }
            allOk = false;
            var broken = result.firstBreak().orElseThrow();
            out.printf(
                    "%-24s BROKEN  at %d: %s (%s); %d entries before it verified%n",
                    name, broken.seq(), broken.kind(), broken.detail(), result.entriesChecked());
        }
    }
}
