package org.trackwell.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.trackwell.support.Api;
import org.trackwell.support.S3MockServer;
import org.trackwell.support.ServiceProcess;
import org.trackwell.support.TeamWriter;

/**
 * Off-site backups: the service backs up into an S3-compatible store (Adobe's S3Mock, started by
 * the test on the loopback), and a blank data directory is restored from it with the recovery key;
 * an object altered in the bucket is refused, by name.
 */
class S3BackupIT {

    private static final Pattern RECOVERY_KEY = Pattern.compile("(TWRK(-[A-Z2-7]{1,4})+)");
    private static final String PREFIX = "site-a/";

    @Test
    void backsUpIntoABucketAndRestoresFromItAlone() throws Exception {
        Path root = Files.createTempDirectory("trackwell-s3");
        Path data = root.resolve("data");
        Path keyFile = root.resolve("recovery-key.txt");
        try (S3MockServer s3 = S3MockServer.start(root.resolve("s3"))) {
            ServiceProcess service = withS3Backups(data, s3);
            Set<String> teams;
            String token;
            try (service) {
                service.start();
                Matcher key = RECOVERY_KEY.matcher(service.log());
                assertThat(key.find()).isTrue();
                Files.writeString(keyFile, key.group(1));
                token = service.signInAsFirstAdmin();
                awaitObject(s3, PREFIX + "base/", "/manifest.properties");
                teams = newTeams(service, token);
                String segment = switchWal(service, data);
                awaitObject(s3, PREFIX + "wal/", segment);
            }

            ServiceProcess.CommandResult restore =
                    service.operator("backup", "restore", "--latest", "--recovery-key-file", keyFile.toString());
            assertThat(restore.exit()).as(restore.output()).isEqualTo(2);
            assertThat(restore.output()).contains("is not empty");
            restore = service.operator(
                    "backup", "restore", "--latest", "--replace", "--recovery-key-file", keyFile.toString());
            assertThat(restore.exit()).as(restore.output()).isZero();
            assertThat(restore.output()).contains("Reached: ").contains("OK");
            try (ServiceProcess restored = withS3Backups(data, s3)) {
                restored.start();
                assertThat(TeamWriter.teamsIn(restored, token)).containsAll(teams);
            }

            s3.copy(PREFIX, "tampered/");
            String walObject = s3.keys("tampered/wal/").stream()
                    .filter(name -> name.length() == "tampered/wal/".length() + 24)
                    .toList()
                    .getLast();
            byte[] bytes = s3.read(walObject);
            bytes[bytes.length / 2] ^= 0x01;
            s3.write(walObject, bytes);
            Path elsewhere = root.resolve("elsewhere");
            ServiceProcess.CommandResult refused = service.operator(
                    "backup",
                    "restore",
                    "--latest",
                    "--store",
                    "s3://" + S3MockServer.BUCKET + "/tampered/",
                    "--data-dir",
                    elsewhere.toString(),
                    "--recovery-key-file",
                    keyFile.toString());
            assertThat(refused.exit()).as(refused.output()).isEqualTo(2);
            assertThat(refused.output())
                    .contains("The backup file " + walObject.substring("tampered/".length()) + " does not open");
            assertThat(elsewhere).as("nothing half-restored is left").doesNotExist();
        }
    }

    private static ServiceProcess withS3Backups(Path data, S3MockServer s3) {
        List<String> settings = new ArrayList<>(List.of(
                "TRACKWELL_DATABASE_ARCHIVE_WAL", "true",
                "TRACKWELL_BACKUP_SHIP_EVERY", "1s"));
        settings.addAll(List.of(s3.settings(PREFIX)));
        return ServiceProcess.on(data, settings.toArray(String[]::new));
    }

    private static Set<String> newTeams(ServiceProcess service, String token) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            String name = "Off-site team " + i;
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

    private static String switchWal(ServiceProcess service, Path data) throws Exception {
        Properties passwords = new Properties();
        try (Reader in = Files.newBufferedReader(data.resolve("keys/database.properties"))) {
            passwords.load(in);
        }
        try (Connection superuser = DriverManager.getConnection(
                        "jdbc:postgresql://127.0.0.1:" + service.databasePort() + "/trackwell",
                        "postgres",
                        passwords.getProperty("superuser"));
                Statement sql = superuser.createStatement()) {
            sql.execute("select txid_current()");
            try (ResultSet row = sql.executeQuery("select pg_walfile_name(pg_switch_wal())")) {
                row.next();
                return row.getString(1);
            }
        }
    }

    private static void awaitObject(S3MockServer s3, String prefix, String ending) throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (s3.keys(prefix).stream().anyMatch(key -> key.endsWith(ending))) {
                return;
            }
            ServiceProcess.pause(Duration.ofMillis(300));
        }
        throw new AssertionError("no object under " + prefix + " ending " + ending + " within 90 s: " + s3.keys(""));
    }
}
