package org.trackwell.bench;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scenario 10, backups of the tenant of 100,000 clients (seeded as in scenario 6 if that did not
 * run): the archive lag, from a commit to its WAL segment sealed in the store (beside the RPO of
 * one minute); the p99 of audited writes at 4 clients while {@code backup now} runs, against the
 * same writes just before it; the time of {@code backup now} and of {@code backup restore --latest}
 * into a new data directory (beside the 15-minute RTO), both as the operator runs them, JVM start
 * and the restore's audit verification included.
 */
final class BackupScenario {

    private static final int CLIENTS = 100_000;
    private static final double RPO_SECONDS = 60;
    private static final double RTO_SECONDS = 15 * 60;
    private static final Pattern RECOVERY_KEY = Pattern.compile("(TWRK(-[A-Z2-7]{1,4})+)");

    private BackupScenario() {}

    static List<Figure> run(Server server, Seed seed, Bench.Options options, Path out) throws Exception {
        String admin = seed.token(server);
        int clients = options.smoke() ? 2_000 : CLIENTS;
        int missing = clients - clientCount(server);
        if (missing > 0) {
            String team = Calls.field(Calls.post(server, seed, admin, "/api/v1/teams", "{\"name\":\"Backup Team\"}"),
                    "id");
            Calls.staff(server, seed, admin, "manager@bench.test", "MANAGER", team);
            CaseloadScenario.seedClients(server, team, missing);
        }
        Path store = out.resolve("backups");
        List<Double> lags = new ArrayList<>();
        for (int i = 0; i < (options.smoke() ? 1 : 3); i++) {
            lags.add(archiveLagSeconds(server, store));
        }

        Duration duration = options.duration(15);
        Load.Result alone = Load.run(4, duration, write(server, seed, admin));
        long started = System.nanoTime();
        CompletableFuture<String> backup = CompletableFuture.supplyAsync(() -> operator(server, Map.of(), "backup", "now"));
        Load.Result during = Load.run(4, Duration.ofMinutes(30), () -> !backup.isDone(), write(server, seed, admin));
        backup.join();
        double backupSeconds = (System.nanoTime() - started) / 1e9;

        double restoreSeconds = restore(server, out, store);
        String size = String.format("%,d", clients);
        return List.of(
                new Figure("archive lag, commit to store (mean)", mean(lags), "s", "RPO goal", RPO_SECONDS, "s"),
                new Figure("  archive lag, worst of " + lags.size(), lags.stream().mapToDouble(d -> d).max().orElseThrow(),
                        "s", "RPO goal", RPO_SECONDS, "s"),
                new Figure("backup now (" + size + " clients)", backupSeconds, "s", "RTO goal", RTO_SECONDS, "s"),
                new Figure("  write p99 during the backup", during.percentileMillis(99), "ms",
                        "write p99 without a backup", alone.percentileMillis(99), "ms"),
                new Figure("  writes during the backup", during.rate(), "writes/s", "writes without a backup",
                        alone.rate(), "writes/s"),
                new Figure("backup restore --latest", restoreSeconds, "s", "RTO goal", RTO_SECONDS, "s"));
    }

    private static java.util.concurrent.Callable<Integer> write(Server server, Seed seed, String admin) {
        AtomicLong names = new AtomicLong();
        return () -> server.http
                .send(server.request(seed.host(), "/api/v1/teams")
                                .header("Authorization", "Bearer " + admin)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"name\":\"backup bench team " + names.incrementAndGet() + "-" + System.nanoTime()
                                                + "\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    /** Seconds from a commit until the WAL segment holding it is sealed in the store. */
    private static double archiveLagSeconds(Server server, Path store) throws Exception {
        String segment;
        long committed;
        try (Connection connection = Jdbc.connectAsSuperuser(server); Statement sql = connection.createStatement()) {
            // A transaction with an id writes a commit record, the smallest commit there is.
            sql.execute("select txid_current()");
            committed = System.nanoTime();
            try (ResultSet row = sql.executeQuery("select pg_walfile_name(pg_current_wal_insert_lsn())")) {
                row.next();
                segment = row.getString(1);
            }
        }
        Path sealed = store.resolve("wal").resolve(segment);
        long deadline = committed + Duration.ofMinutes(5).toNanos();
        while (!Files.exists(sealed)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(segment + " did not reach " + store + " within 5 minutes");
            }
            Thread.sleep(50);
        }
        return (System.nanoTime() - committed) / 1e9;
    }

    /** {@code backup restore --latest} into a new data directory, as on a new machine; seconds. */
    private static double restore(Server server, Path out, Path store) throws Exception {
        Path keyFile = out.resolve("recovery-key.txt");
        Matcher key = RECOVERY_KEY.matcher(Files.readString(out.resolve("server.log")));
        if (!key.find()) {
            throw new IllegalStateException("no recovery key in bench/out/server.log");
        }
        Files.writeString(keyFile, key.group(1));
        Path target = out.resolve("restored");
        Server.deleteRecursively(target);
        long started = System.nanoTime();
        operator(server, Map.of(
                "TRACKWELL_DATA_DIR", target.toAbsolutePath().toString(),
                "TRACKWELL_DATABASE_EMBEDDED_PORT", Integer.toString(Server.freePort()),
                "TRACKWELL_DATABASE_EMBEDDED_BINARIES",
                server.dataDirectory.resolve("postgres-binaries").toAbsolutePath().toString()),
                "backup", "restore", "--latest", "--store", store.toAbsolutePath().toString(),
                "--recovery-key-file", keyFile.toAbsolutePath().toString());
        double seconds = (System.nanoTime() - started) / 1e9;
        Server.deleteRecursively(target);
        return seconds;
    }

    private static int clientCount(Server server) throws Exception {
        try (Connection connection = Jdbc.connect(server)) {
            Jdbc.setTenant(connection, Jdbc.tenantId(server, "bench"));
            try (PreparedStatement count = connection.prepareStatement("select count(*) from client");
                    ResultSet row = count.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    private static String operator(Server server, Map<String, String> changed, String... args) {
        try {
            return server.operator(changed, args);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(d -> d).average().orElseThrow();
    }
}
