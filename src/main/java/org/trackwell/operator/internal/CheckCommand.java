package org.trackwell.operator.internal;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.trackwell.audit.AuditAction;
import org.trackwell.audit.AuditContext;
import org.trackwell.audit.AuditTrail;
import org.trackwell.audit.Outcome;
import org.trackwell.monitoring.CheckResult;
import org.trackwell.monitoring.IntegrityChecks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description = "Run the integrity checks now (docs/monitoring.md). Exit 1 on any finding, 0 when clean.")
class CheckCommand implements Callable<Integer> {

    private final IntegrityChecks checks;
    private final AuditTrail trail;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--accept-files",
            description = "Take the installed files as they are now (after an upgrade), then check")
    boolean acceptFiles;

    @Option(
            names = "--accept-schema",
            description = "Take the database schema as it is now (a change made on purpose), then check")
    boolean acceptSchema;

    CheckCommand(IntegrityChecks checks, AuditTrail trail) {
        this.checks = checks;
        this.trail = trail;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (acceptFiles) {
            int files = checks.acceptInstalledFiles();
            trail.recordSeparately(AuditContext.actor(), AuditAction.MONITORING_FILES_ACCEPTED, null, Outcome.SUCCESS);
            out.println("Installed files accepted as they are: " + files + " files.");
        }
        if (acceptSchema) {
            int items = checks.acceptSchema();
            trail.recordSeparately(AuditContext.actor(), AuditAction.MONITORING_SCHEMA_ACCEPTED, null, Outcome.SUCCESS);
            out.println("Database schema accepted as it is: " + items + " items.");
        }
        List<CheckResult> results = checks.runAll();
        results.forEach(result -> out.println(HealthCommand.line(result)));
        return results.stream().anyMatch(CheckResult::finding) ? 1 : 0;
    }
}
