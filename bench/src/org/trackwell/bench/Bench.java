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
        Options options = Options.parse(args);
        Path out = Path.of("bench/out");
        Files.createDirectories(out);
        List<Figure> figures = new ArrayList<>();
        try (Server server = Server.start(options, out)) {
            Seed seed = Seed.tenantWithAdmin(server);
            if (options.runs("login")) {
                figures.addAll(LoginScenario.run(server, seed, options));
            }
            if (options.runs("loginburst")) {
                figures.addAll(LoginBurstScenario.run(server, seed, options));
            }
            if (options.runs("read")) {
                figures.addAll(AuthenticatedReadScenario.run(server, seed, options));
            }
            if (options.runs("write")) {
                figures.addAll(WriteScenario.run(server, seed, options));
            }
            if (options.runs("caseload")) {
                figures.addAll(CaseloadScenario.run(server, seed, options));
            }
            if (options.runs("outcomes")) {
                figures.addAll(OutcomesScenario.run(server, seed, options));
            }
            if (options.runs("report")) {
                figures.addAll(ReportScenario.run(server, seed, options));
            }
            if (options.runs("medication")) {
                figures.addAll(MedicationScenario.run(server, seed, options));
            }
            if (options.runs("audit")) {
                figures.addAll(AuditVerificationScenario.run(server, options));
            }
            if (options.runs("encryption")) {
                figures.addAll(EncryptionScenario.run(server, options));
            }
            if (options.runs("backup")) {
                figures.addAll(BackupScenario.run(server, seed, options, out));
            }
            figures.addAll(MemoryScenario.run(server));
        }
        System.out.println();
        System.out.printf("Trackwell bench, %s, %d cores, scale %d%s%n", LocalDate.now(),
                Runtime.getRuntime().availableProcessors(), options.scale(), options.smoke() ? " (smoke)" : "");
        figures.forEach(figure -> System.out.println(figure.line()));
        Files.writeString(out.resolve("latest.txt"), String.join("\n", figures.stream().map(Figure::line).toList()) + "\n");
    }

    record Options(String jar, boolean smoke, int scale, String databaseUrl, String only) {

        /** Whether to run the scenario: all of them, unless {@code --only NAME} picks one. */
        boolean runs(String scenario) {
            return only == null || only.equals(scenario);
        }

        static Options parse(String[] args) {
            String jar = "target/trackwell.jar";
            boolean smoke = false;
            int scale = 1;
            String databaseUrl = null;
            String only = null;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--jar" -> jar = args[++i];
                    case "--smoke" -> smoke = true;
                    case "--scale" -> scale = Integer.parseInt(args[++i]);
                    case "--db-url" -> databaseUrl = args[++i];
                    case "--only" -> only = args[++i];
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            return new Options(jar, smoke, scale, databaseUrl, only);
        }

        Duration duration(int seconds) {
            return smoke ? Duration.ofSeconds(2) : Duration.ofSeconds((long) seconds * scale);
        }
    }
}
