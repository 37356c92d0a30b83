package org.trackwell.operator;

import java.io.PrintWriter;
import java.util.Set;
import java.util.UUID;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.trackwell.audit.Actor;
import org.trackwell.audit.AuditContext;
import org.trackwell.operator.internal.OperatorCommands;
import picocli.CommandLine;

/**
 * {@code java -jar trackwell.jar <command>}: the operator's command line. It starts the application
 * without a web server, against the same database as the running service, runs one command and exits.
 */
public final class OperatorCommandLine {

    private static final Set<String> COMMANDS =
            Set.of("tenant", "operator", "terms", "audit", "keys", "db", "health", "help", "--help");

    private OperatorCommandLine() {}

    public static boolean handles(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    public static int run(Class<?> application, String[] args) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .web(WebApplicationType.NONE)
                .properties(
                        "trackwell.operator.first-start=false",
                        "spring.main.log-startup-info=false",
                        "logging.level.root=WARN",
                        "logging.level.org.trackwell=WARN")
                .run()) {
            return execute(context, new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
        }
    }

    /** Runs one command in an already started application: the same path as the jar, for tests. */
    public static int execute(ApplicationContext context, PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(OperatorCommands.class, new BeanFactory(context));
        commandLine.setOut(out);
        commandLine.setErr(err);
        AuditContext.begin(new AuditContext.Origin(UUID.randomUUID().toString(), "local", "operator command line"));
        AuditContext.actAs(Actor.operator());
        try {
            return commandLine.execute(args);
        } finally {
            AuditContext.end();
        }
    }

    private record BeanFactory(ApplicationContext context) implements CommandLine.IFactory {

        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type.getPackageName().startsWith("org.trackwell")) {
                return context.getAutowireCapableBeanFactory().createBean(type);
            }
            return CommandLine.defaultFactory().create(type);
        }
    }
}
