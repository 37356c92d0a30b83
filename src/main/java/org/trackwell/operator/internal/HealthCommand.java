package org.trackwell.operator.internal;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
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
        out.println("Schema version:  " + report.schemaVersion());
        out.println("Tenants:         " + report.tenantsByStatus());
        out.println("Audit entries awaiting seal: " + report.auditEntriesAwaitingSeal());
        return report.databaseUp() ? 0 : 1;
    }
}
