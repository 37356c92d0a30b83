package org.trackwell.operator.internal;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.trackwell.backup.BackupStatus;
import org.trackwell.database.DurabilitySettings;
import org.trackwell.monitoring.CheckResult;
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
        BackupStatus backups = report.backups();
        if (backups.enabled()) {
            out.println("Backups:         "
                    + (backups.ok() ? "ok" : "FAILING: " + backups.failure().orElse(""))
                    + "; last base backup "
                    + backups.lastBaseBackup().map(BackupCommands::seconds).orElse("none")
                    + "; WAL segments waiting to ship " + backups.walWaiting() + "; store " + backups.store());
            out.println("Restore check:   "
                    + backups.lastCheck()
                            .map(check -> (check.passed() ? "passed " : "FAILED ") + BackupCommands.seconds(check.at())
                                    + ": " + check.detail())
                            .orElse("not run yet (weekly; or run `backup verify`)"));
        } else {
            out.println("Backups:         not taken by Trackwell (external database: see docs/operations.md)");
        }
        out.println("Schema version:  " + report.schemaVersion());
        out.println("Tenants:         " + report.tenantsByStatus());
        out.println("Audit entries awaiting seal: " + report.auditEntriesAwaitingSeal());
        out.println("Integrity checks (latest; `check` runs them now):");
        report.checks().forEach(result -> out.println(line(result)));
        boolean clean = report.checks().stream().noneMatch(CheckResult::finding);
        return report.databaseUp() && report.databaseWritable() && report.diskSpaceOk() && backups.ok() && clean
                ? 0
                : 1;
    }

    static String line(CheckResult result) {
        return String.format(
                Locale.ROOT,
                "  %-18s %-14s %s (%s)",
                result.check().title(),
                result.status().words(),
                result.summary(),
                BackupCommands.seconds(result.checkedAt()));
    }
}
