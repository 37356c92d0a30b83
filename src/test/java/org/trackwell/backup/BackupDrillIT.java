package org.trackwell.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.trackwell.support.Api;
import org.trackwell.support.ServiceProcess;
import org.trackwell.support.TeamWriter;

/**
 * The disaster drill of docs/operations.md, on real files: data written through the API, a moment
 * T noted, more written, the data directory deleted; restored to T, exactly T's data is there;
 * restored to the latest, everything archived is. A tampered file, a wrong recovery key and a
 * missing WAL segment are each refused, and nothing half-restored is left to start.
 */
class BackupDrillIT {

    /**
     * The service's own restore check, often enough that it runs soon after the first base backup
     * (it does nothing before there is one) without a drill-long wait for a daily time.
     */
    private static final String EVERY_HALF_MINUTE = "*/30 * * * * *";

    private static final Pattern RECOVERY_KEY = Pattern.compile("(TWRK(-[A-Z2-7]{1,4})+)");

    @Test
    void restoresExactlyTheMomentAskedForAndEverythingArchived() throws Exception {
        Path root = Files.createTempDirectory("trackwell-drill");
        Path data = root.resolve("data");
        Path store = root.resolve("store");
        Path keyFile = root.resolve("recovery-key.txt");
        ServiceProcess service = withBackups(data, store, "TRACKWELL_BACKUP_CHECK_SCHEDULE", EVERY_HALF_MINUTE)
                .start();
        Set<String> beforeT;
        Set<String> afterT;
        String token;
        try (service) {
            Matcher key = RECOVERY_KEY.matcher(service.log());
            assertThat(key.find())
                    .as("the recovery key is printed at the first start")
                    .isTrue();
            Files.writeString(keyFile, key.group(1));
            token = service.signInAsFirstAdmin();
            awaitFile(store, "manifest.properties", Duration.ofSeconds(90));
            ServiceProcess.CommandResult now = service.operator("backup", "now");
            assertThat(now.exit()).as(now.output()).isZero();
            ServiceProcess.CommandResult list = service.operator("backup", "list");
            assertThat(list.output()).contains(now.output().strip()).contains("Restorable: from ");
            assertThat(awaitRestoreCheck(service)).contains("Backups:         ok; last base backup 20");
            ServiceProcess.CommandResult verified = service.operator("backup", "verify");
            assertThat(verified.exit()).as(verified.output()).isZero();
            assertThat(verified.output()).contains("Backup verified: OK");

            beforeT = newTeams(service, token, "Before");
            ServiceProcess.pause(Duration.ofMillis(1200));
            Instant t = Instant.now();
            ServiceProcess.pause(Duration.ofMillis(1200));
            afterT = newTeams(service, token, "After");
            archiveNow(service, data, store);
            service.close();

            List<String> checkpointsBefore = checkpointFiles(data);
            assertThat(checkpointsBefore)
                    .as("the audit trail exported checkpoints")
                    .isNotEmpty();
            deleteTree(data);
            ServiceProcess.CommandResult latest =
                    service.operator("backup", "restore", "--latest", "--recovery-key-file", keyFile.toString());
            assertThat(latest.exit()).as(latest.output()).isZero();
            assertThat(latest.output()).contains("Reached: ").contains("OK");
            assertThat(checkpointFiles(data))
                    .as("the checkpoints came back from the store with the data")
                    .containsAll(checkpointsBefore);
            try (ServiceProcess restored = withBackups(data, store).start()) {
                assertThat(TeamWriter.teamsIn(restored, token))
                        .containsAll(beforeT)
                        .containsAll(afterT);
            }

            // After the restore above, "latest" is the history the restored service went on with;
            // T lies before it branched, so T is still there to restore to.
            ServiceProcess.CommandResult toT = service.operator(
                    "backup",
                    "restore",
                    "--to-time",
                    t.toString(),
                    "--replace",
                    "--recovery-key-file",
                    keyFile.toString());
            assertThat(toT.exit()).as(toT.output()).isZero();
            assertThat(toT.output()).contains("Reached: ").contains("OK");
        }
        try (ServiceProcess restored = withBackups(data, store).start()) {
            assertThat(TeamWriter.teamsIn(restored, token)).containsAll(beforeT).doesNotContainAnyElementsOf(afterT);
        }

        refusesWhatCannotBeTrusted(service, root, store, keyFile);
        leavesAnotherInstallationsStoreAlone(root, store);
    }

    private static List<String> checkpointFiles(Path data) throws IOException {
        Path directory = data.resolve("audit-checkpoints");
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.toFile().length() > 0)
                    .map(file -> file.getFileName().toString())
                    .sorted()
                    .toList();
        }
    }

    /** A new installation pointed at this store starts, takes no backup into it, and says why. */
    private static void leavesAnotherInstallationsStoreAlone(Path root, Path store) throws IOException {
        List<String> before = walFiles(store);
        try (ServiceProcess stranger =
                withBackups(root.resolve("stranger"), store).start()) {
            ServiceProcess.CommandResult health = stranger.operator("health");
            assertThat(health.exit()).isEqualTo(1);
            assertThat(health.output())
                    .contains("Backups:         FAILING")
                    .contains("belongs to another installation");
        }
        assertThat(walFiles(store)).isEqualTo(before);
    }

    private void refusesWhatCannotBeTrusted(ServiceProcess service, Path root, Path store, Path keyFile)
            throws IOException {
        Path target = root.resolve("elsewhere");
        Path tampered = copyOf(store, root.resolve("tampered"));
        String segment = walFiles(tampered).getLast();
        flipAByte(tampered.resolve(segment));
        assertRefused(service, tampered, keyFile, target, segment + " does not open");

        Path wrongKey = root.resolve("wrong-key.txt");
        Files.writeString(wrongKey, "TWRK-AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH-IIII-JJJJ-KKKK-LLLL-MMMM");
        assertRefused(service, store, wrongKey, target, "The recovery key does not open this backup store");

        Path gap = copyOf(store, root.resolve("gap"));
        List<String> firstTimeline = walFiles(gap).stream()
                .filter(name -> name.startsWith("wal/00000001"))
                .toList();
        String missing = firstTimeline.get(firstTimeline.size() - 2);
        Files.delete(gap.resolve(missing));
        assertRefused(service, gap, keyFile, target, missing + " is missing");
    }

    private static void assertRefused(ServiceProcess service, Path store, Path keyFile, Path target, String reason) {
        ServiceProcess.CommandResult refused = service.operator(
                "backup",
                "restore",
                "--latest",
                "--store",
                store.toString(),
                "--data-dir",
                target.toString(),
                "--recovery-key-file",
                keyFile.toString());
        assertThat(refused.exit()).as(refused.output()).isEqualTo(2);
        assertThat(refused.output()).contains(reason);
        assertThat(target).as("nothing half-restored is left").doesNotExist();
        assertThat(target.resolveSibling(target.getFileName() + ".restoring")).doesNotExist();
    }

    private static ServiceProcess withBackups(Path data, Path store, String... moreSettings) {
        List<String> settings = new ArrayList<>(List.of(
                "TRACKWELL_DATABASE_ARCHIVE_WAL",
                "true",
                "TRACKWELL_BACKUP_DIRECTORY",
                store.toString(),
                "TRACKWELL_BACKUP_SHIP_EVERY",
                "1s"));
        settings.addAll(List.of(moreSettings));
        return ServiceProcess.on(data, settings.toArray(String[]::new));
    }

    /**
     * Watches the service's log, and asks the operator command (a JVM of its own) only once a check
     * passed; returns what that health command printed.
     */
    private static String awaitRestoreCheck(ServiceProcess service) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
        String health = "";
        while (Instant.now().isBefore(deadline)) {
            if (service.log().contains("Restore check passed")) {
                health = service.operator("health").output();
                if (health.contains("Restore check:   passed")) {
                    assertThat(health)
                            .containsPattern(
                                    "Restore check:   passed 20.*: base backup .* and \\d+ WAL segments replayed");
                    return health;
                }
            }
            ServiceProcess.pause(Duration.ofMillis(500));
        }
        throw new AssertionError("no passed restore check within 3 minutes: " + health);
    }

    private static Set<String> newTeams(ServiceProcess service, String token, String prefix) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            String name = prefix + " team " + i;
            var created = service.https()
                    .postJson(
                            service.demoHost(),
                            "/api/v1/teams",
                            Api.json("name", name),
                            "Authorization",
                            "Bearer " + token);
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            names.add(name);
        }
        return names;
    }

    /**
     * Closes the current WAL segment, and a few more after a little work each (so that the store
     * holds segments on both sides of one to lose), and waits until the service has sealed them.
     */
    private static void archiveNow(ServiceProcess service, Path data, Path store) throws Exception {
        String segment = null;
        try (Connection superuser = DriverManager.getConnection(
                        "jdbc:postgresql://127.0.0.1:" + service.databasePort() + "/trackwell",
                        "postgres",
                        password(data, "superuser"));
                Statement sql = superuser.createStatement()) {
            for (int i = 0; i < 3; i++) {
                sql.execute("select txid_current()");
                try (ResultSet row = sql.executeQuery("select pg_walfile_name(pg_switch_wal())")) {
                    row.next();
                    segment = row.getString(1);
                }
            }
        }
        awaitFile(store, segment, Duration.ofSeconds(60));
    }

    private static String password(Path data, String role) throws IOException {
        Properties stored = new Properties();
        try (Reader in = Files.newBufferedReader(data.resolve("keys/database.properties"))) {
            stored.load(in);
        }
        return stored.getProperty(role);
    }

    private static void awaitFile(Path store, String name, Duration within) throws IOException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(store)) {
                try (Stream<Path> files = Files.walk(store)) {
                    if (files.anyMatch(file -> file.getFileName().toString().equals(name))) {
                        return;
                    }
                }
            }
            ServiceProcess.pause(Duration.ofMillis(200));
        }
        throw new AssertionError(name + " did not reach the store " + store + " within " + within);
    }

    private static List<String> walFiles(Path store) throws IOException {
        try (Stream<Path> files = Files.list(store.resolve("wal"))) {
            return files.map(file -> "wal/" + file.getFileName())
                    .filter(name -> name.length() == "wal/".length() + 24)
                    .sorted()
                    .toList();
        }
    }

    private static void flipAByte(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(file, bytes);
    }

    private static Path copyOf(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path path : walk.toList()) {
                Path copy = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(path, copy);
                }
            }
        }
        return to;
    }

    /**
     * Deletes the data directory as a lost machine would lose it. The service's own restore check
     * may still be ending its scratch server there, which removes files of its own meanwhile.
     */
    private static void deleteTree(Path root) throws IOException {
        for (int attempt = 0; ; attempt++) {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.sorted(Comparator.reverseOrder()).forEach(path -> {
                    try {
                        Files.deleteIfExists(path);
                    } catch (DirectoryNotEmptyException stillWritten) {
                        // walked again below
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (NoSuchFileException | UncheckedIOException vanishedMeanwhile) {
                // walked again below
            }
            if (!Files.exists(root)) {
                return;
            }
            if (attempt == 10) {
                throw new IOException(root + " could not be deleted: something still writes in it");
            }
            ServiceProcess.pause(Duration.ofMillis(200));
        }
    }
}
