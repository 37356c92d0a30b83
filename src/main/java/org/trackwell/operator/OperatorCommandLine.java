package org.trackwell.operator;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.trackwell.audit.Actor;
import org.trackwell.audit.AuditContext;
import org.trackwell.operator.internal.OperatorCommands;
import org.trackwell.operator.internal.RestoreCommand;
import org.trackwell.operator.internal.VerifyBackupCommand;
import org.trackwell.shared.DirectoryTrees;
import picocli.CommandLine;

/**
 * {@code java -jar trackwell.jar <command>}: the operator's command line. It starts the application
 * without a web server, against the same database as the running service, runs one command and exits.
 */
public final class OperatorCommandLine {

    private static final Set<String> COMMANDS = Set.of(
            "tenant",
            "operator",
            "terms",
            "audit",
            "keys",
            "db",
            "health",
            "check",
            "backup",
            "erasure",
            "help",
            "--help");

    private OperatorCommandLine() {}

    public static boolean handles(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    /**
     * Whether the arguments start the service: none, or only Spring Boot's {@code --name=value}
     * settings. Anything else is a mistyped command or option, which must never start the service
     * on the default ports.
     */
    public static boolean startsTheService(String[] args) {
        return Arrays.stream(args).allMatch(arg -> arg.matches("--[A-Za-z0-9][A-Za-z0-9._\\-\\[\\]]*=.*"));
    }

    /** Says what is wrong and how the command line is used, on standard error; the exit code is 2. */
    public static int refuse(String[] args) {
        PrintWriter err = new PrintWriter(System.err, true);
        err.println("Unknown command or option: " + String.join(" ", args));
        err.println("Usage: java -jar trackwell.jar [--name=value ...]     start the service");
        err.println("       java -jar trackwell.jar COMMAND [OPTIONS]     run an operator command");
        err.println("Commands: "
                + String.join(", ", new java.util.TreeSet<>(COMMANDS)).replace("--help, ", ""));
        err.println("See java -jar trackwell.jar --help, and docs/operations.md.");
        return 2;
    }

    public static int run(Class<?> application, String[] args) {
        if (args.length > 1 && args[0].equals("backup") && args[1].equals("restore")) {
            return restore(application, Arrays.copyOfRange(args, 2, args.length));
        }
        if (args.length > 1 && args[0].equals("backup") && args[1].equals("verify")) {
            return verifyBackup(application, Arrays.copyOfRange(args, 2, args.length));
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .web(WebApplicationType.NONE)
                .properties(
                        "trackwell.operator.first-start=false",
                        "trackwell.database.attach-to-running-service=true",
                        "spring.main.log-startup-info=false",
                        "logging.level.root=WARN",
                        "logging.level.org.trackwell=WARN")
                .run()) {
            return execute(context, new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
        }
    }

    /**
     * A restore runs before there is any database to start the application on; once it has laid
     * the database down, the application starts on it to verify the audit trail.
     */
    private static int restore(Class<?> application, String[] args) {
        RestoreCommand restore = new RestoreCommand();
        CommandLine commandLine = new CommandLine(restore);
        commandLine.setCommandName("java -jar trackwell.jar backup restore");
        int exit = commandLine.execute(args);
        if (exit != 0) {
            return exit;
        }
        System.setProperty("trackwell.data-dir", restore.restoredInto().toString());
        System.out.println("Verifying the audit trail of the restored database:");
        return run(application, new String[] {"audit", "verify"});
    }

    /** A restore of the latest backup into a copy of its own, whose audit trail is then verified and which is then removed. */
    private static int verifyBackup(Class<?> application, String[] args) {
        VerifyBackupCommand verify = new VerifyBackupCommand();
        CommandLine commandLine = new CommandLine(verify);
        commandLine.setCommandName("java -jar trackwell.jar backup verify");
        int exit = commandLine.execute(args);
        if (exit != 0 || verify.restoredInto() == null) {
            return exit;
        }
        System.setProperty("trackwell.data-dir", verify.restoredInto().toString());
        System.setProperty("trackwell.database.embedded-port", Integer.toString(verify.restoredPort()));
        System.setProperty("trackwell.database.archive-wal", "false");
        System.out.println("Verifying the audit trail of the restored copy:");
        int verified = run(application, new String[] {"audit", "verify"});
        DirectoryTrees.deleteQuietly(Objects.requireNonNull(
                verify.restoredInto().getParent(), "the copy is restored into a directory of its own"));
        System.out.println(
                verified == 0 ? "Backup verified: OK" : "Backup verification FAILED: the audit trail did not verify");
        return verified;
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
