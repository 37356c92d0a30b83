package org.trackwell.operator.internal;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.trackwell.database.DatabaseLocation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
        name = "db",
        mixinStandardHelpOptions = true,
        subcommands = DatabaseCommands.Info.class,
        description = "Database information for operators.")
public class DatabaseCommands {

    @Command(name = "info", description = "Where the database is and how to connect to it with psql.")
    static class Info implements Callable<Integer> {

        private final DatabaseLocation location;

        @Spec
        CommandSpec spec;

        Info(DatabaseLocation location) {
            this.location = location;
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            out.println("Database:      " + location.jdbcUrl() + (location.embedded() ? " (embedded)" : ""));
            out.println("Runtime role:  " + location.runtimeRole());
            out.println("Owner role:    " + location.ownerRole());
            out.println("Connect with:  " + location.psqlCommand());
            if (location.embedded()) {
                out.println("The embedded server accepts connections from this host only, each with its role's"
                        + " password: see keys/database.properties in the data directory (mode 600).");
            }
            return 0;
        }
    }
}
