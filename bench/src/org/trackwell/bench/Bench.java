package org.trackwell.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts Trackwell on a fresh database, seeds a tenant, runs each scenario against a baseline
 * measured in the same run, and prints one line per figure. Load comes from this process, over
 * loopback only; the server is a separate process.
 */
public final class Bench {

    private Bench() {}

    public static void main(String[] args) throws Exception {
        System.setProperty("jdk.httpclient.allowRestrictedHeaders", "host");
        // The server closes a connection after 20 s without a request; the client's default of 30 s
        // sent a sign-in on one it had closed after a quiet spell (EOF, and the run stopped).
        System.setProperty("jdk.httpclient.keepalive.timeout", "10");
        Options options = Options.parse(args);
        Path out = Path.of("bench/out");
        Files.createDirectories(out);
        List<Figure> figures = new ArrayList<>();
        try (Server server = Server.start(options, out)) {
            Seed seed = Seed.tenantWithAdmin(server);
            System.out.printf("# server process %d, HTTPS port %d, PostgreSQL port %d%n", server.pid(), server.port,
                    server.databasePort);
            scenario(server, options, "login", figures, () -> LoginScenario.run(server, seed, options));
            scenario(server, options, "loginburst", figures, () -> LoginBurstScenario.run(server, seed, options));
            scenario(server, options, "read", figures, () -> AuthenticatedReadScenario.run(server, seed, options));
            scenario(server, options, "write", figures, () -> WriteScenario.run(server, seed, options));
            scenario(server, options, "caseload", figures, () -> CaseloadScenario.run(server, seed, options));
            scenario(server, options, "outcomes", figures, () -> OutcomesScenario.run(server, seed, options));
            scenario(server, options, "report", figures, () -> ReportScenario.run(server, seed, options));
            scenario(server, options, "medication", figures, () -> MedicationScenario.run(server, seed, options));
            scenario(server, options, "audit", figures, () -> AuditVerificationScenario.run(server, options));
            scenario(server, options, "encryption", figures, () -> EncryptionScenario.run(server, options));
            scenario(server, options, "backup", figures, () -> BackupScenario.run(server, seed, options, out));
            if (options.only() != null) {
                // A hundred tenants and up to a million clients: only when asked for by name.
                scenario(server, options, "growth", figures, () -> GrowthScenario.run(server, options));
            }
            figures.addAll(MemoryScenario.run(server));
        }
        machine.forEach(System.out::println);
        System.out.println();
        System.out.printf("Trackwell bench, %s, %d cores, scale %d%s%n", LocalDate.now(),
                Runtime.getRuntime().availableProcessors(), options.scale(), options.smoke() ? " (smoke)" : "");
        figures.forEach(figure -> System.out.println(figure.line()));
        List<String> lines = new ArrayList<>(figures.stream().map(Figure::line).toList());
        lines.addAll(machine);
        Files.writeString(out.resolve("latest.txt"), String.join("\n", lines) + "\n");
    }

    private static final List<String> machine = new ArrayList<>();

    interface Scenario {
        List<Figure> run() throws Exception;
    }

    /** Runs one scenario if chosen, noting the machine's load and who used the CPU beside it. */
    private static void scenario(Server server, Options options, String name, List<Figure> figures, Scenario scenario)
            throws Exception {
        if (!options.runs(name)) {
            return;
        }
        Machine before = Machine.now(server);
        figures.addAll(scenario.run());
        String line = Machine.now(server).since(before, name);
        System.out.println(line);
        machine.add(line);
    }

    /**
     * {@code jfr}: a file for a JDK Flight Recorder profile of the server, or null; {@code clients}:
     * the caseload's tenant size, or 0 for the scenario's own; {@code data}: a data directory kept
     * between runs (seeded once, reused), or null for a fresh one.
     */
    record Options(
            String jar, boolean smoke, int scale, String databaseUrl, String only, String jfr, int clients, String data) {

        /** Whether to run the scenario: all of them, unless {@code --only NAME} picks one. */
        boolean runs(String scenario) {
            return only == null || List.of(only.split(",")).contains(scenario);
        }

        static Options parse(String[] args) {
            String jar = "target/trackwell.jar";
            boolean smoke = false;
            int scale = 1;
            String databaseUrl = null;
            String only = null;
            String jfr = null;
            int clients = 0;
            String data = null;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--jar" -> jar = args[++i];
                    case "--smoke" -> smoke = true;
                    case "--scale" -> scale = Integer.parseInt(args[++i]);
                    case "--db-url" -> databaseUrl = args[++i];
                    case "--only" -> only = args[++i];
                    case "--jfr" -> jfr = args[++i];
                    case "--clients" -> clients = Integer.parseInt(args[++i]);
                    case "--data" -> data = args[++i];
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            return new Options(jar, smoke, scale, databaseUrl, only, jfr, clients, data);
        }

        Duration duration(int seconds) {
            return smoke ? Duration.ofSeconds(2) : Duration.ofSeconds((long) seconds * scale);
        }
    }
}
