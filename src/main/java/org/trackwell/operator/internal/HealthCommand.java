package org.trackwell.operator.internal;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.trackwell.database.DurabilitySettings;
import org.trackwell.operator.HealthReport;
import org.trackwell.operator.OperatorHealth;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "health", mixinStandardHelpOptions = true, description = "Detailed health of the installation.")
class HealthCommand implements Callable<Integer> {

    private final OperatorHealth health;

    @Spec
    CommandSpec spec;

    HealthCommand(OperatorHealth health) {
        this.health = health;
    }

    @Override
    public Integer call() {
        HealthReport report = health.report();
        PrintWriter out = spec.commandLine().getOut();
        out.println("Database:        " + (report.databaseUp() ? "up" : "DOWN") + ", PostgreSQL "
                + report.databaseVersion());
        out.println("Takes writes:    " + (report.databaseWritable() ? "yes" : "NO"));
        DurabilitySettings durability = report.durability();
        if (durability != null) {
            out.println("Durability:      " + (durability.safe() ? "safe" : "UNSAFE: acknowledged writes can be lost")
                    + " (fsync " + durability.fsync() + ", synchronous_commit " + durability.synchronousCommit()
                    + ", full_page_writes " + durability.fullPageWrites() + ")");
            out.println("Data checksums:  " + durability.dataChecksums() + "; WAL level " + durability.walLevel());
        }
        out.println("Free disk:       " + report.freeDiskBytes() / (1024 * 1024) + " MiB"
                + (report.diskSpaceOk() ? "" : " (NEARLY FULL)"));
        out.println("Schema version:  " + report.schemaVersion());
        out.println("Tenants:         " + report.tenantsByStatus());
        out.println("Audit entries awaiting seal: " + report.auditEntriesAwaitingSeal());
        return report.databaseUp() && report.databaseWritable() && report.diskSpaceOk() ? 0 : 1;
    }
}
