package org.trackwell.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.trackwell.TrackwellApplication;
import org.trackwell.operator.OperatorCommandLine;

/**
 * Runs several operator commands in one start of the application, as the operator command line
 * runs one (same settings, same command objects): the growth scenario's hundred tenants would
 * otherwise cost a hundred starts. Commands are separated by {@code ";"}; each one's output starts
 * with a line {@code == COMMAND}.
 * Usage: java -cp ... org.trackwell.bench.OperatorBatch COMMAND ARGS... [; COMMAND ARGS...]...
 */
public final class OperatorBatch {

    private OperatorBatch() {}

    public static void main(String[] args) {
        List<List<String>> commands = new ArrayList<>(List.of(new ArrayList<>()));
        for (String arg : args) {
            if (arg.equals(";")) {
                commands.add(new ArrayList<>());
            } else {
                commands.getLast().add(arg);
            }
        }
        int failed = 0;
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TrackwellApplication.class)
                .web(WebApplicationType.NONE)
                .properties(
                        "trackwell.operator.first-start=false",
                        "trackwell.database.attach-to-running-service=true",
                        "spring.main.log-startup-info=false",
                        "logging.level.root=WARN",
                        "logging.level.org.trackwell=WARN")
                .run()) {
            PrintWriter out = new PrintWriter(System.out, true);
            for (List<String> command : commands) {
                out.println("== " + String.join(" ", command));
                if (OperatorCommandLine.execute(context, out, new PrintWriter(System.err, true),
                                command.toArray(String[]::new))
                        != 0) {
                    failed++;
                }
            }
        }
        System.exit(failed == 0 ? 0 : 1);
    }

    static String[] joined(List<String[]> commands) {
        List<String> args = new ArrayList<>();
        for (String[] command : commands) {
            if (!args.isEmpty()) {
                args.add(";");
            }
            args.addAll(Arrays.asList(command));
        }
        return args.toArray(String[]::new);
    }
}
