package org.trackwell.backup;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.trackwell.TrackwellApplication;
import org.trackwell.database.EmbeddedCluster;
import org.trackwell.identity.Operators;
import org.trackwell.shared.DirectoryTrees;
import org.trackwell.support.Fixtures;
import org.trackwell.support.ServiceProcess;
import org.trackwell.support.TestMail;
import org.trackwell.support.TestPostgres;

/**
 * A failing backup store is told to the operators by e-mail, once when backups start failing and
 * once when they work again, and shows in the backup status (which /health and `health` read).
 */
class BackupFailureMailIT {

    private static final String FAILING = "Trackwell backups are failing";
    private static final String WORKING = "Trackwell backups work again";

    @Test
    void operatorsAreToldOnceWhenBackupsStartFailingAndOnceWhenTheyWorkAgain() throws Exception {
        Path root = Files.createTempDirectory("trackwell-backup-failure");
        Path store = root.resolve("store");
        String operator = Fixtures.uniqueSlug("ops") + "@backups.test";
        try (ConfigurableApplicationContext app = start(root.resolve("data"), store)) {
            Operators operators = app.getBean(Operators.class);
            operators.completeSetup(operators.add(operator), "Seven quiet herons crossed 2026 fens!");
            Backups backups = app.getBean(Backups.class);
            backups.takeBaseBackup();

            Path aside = root.resolve("store-moved-away");
            Files.move(store, aside);
            putAFileInPlaceOf(store, aside);
            switchWal(app.getBean(EmbeddedCluster.class));
            assertThat(awaitSubjects(operator, 1)).containsExactly(FAILING);
            assertThat(backups.status().ok()).isFalse();
            assertThat(backups.status().failure()).isPresent();

            Files.delete(store);
            Files.move(aside, store);
            switchWal(app.getBean(EmbeddedCluster.class));
            assertThat(awaitSubjects(operator, 2)).containsExactly(FAILING, WORKING);
            assertThat(backups.status().ok()).isTrue();
        }
    }

    /**
     * The WAL shipper (every second) may be writing into the store as it moves away and make the
     * directory again: what it wrote joins the rest, and the file goes in once the place is free.
     */
    private static void putAFileInPlaceOf(Path store, Path aside) throws IOException {
        Path file = Files.writeString(store.resolveSibling("not-a-store"), "a file where the backup store should be");
        while (true) {
            try {
                Files.move(file, store);
                return;
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
                try (Stream<Path> written = Files.walk(store)) {
                    for (Path path : written.filter(Files::isRegularFile).toList()) {
                        Path kept = aside.resolve(store.relativize(path));
                        Files.createDirectories(kept.getParent());
                        Files.move(path, kept, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
                DirectoryTrees.deleteQuietly(store);
            }
        }
    }

    private static ConfigurableApplicationContext start(Path data, Path store) {
        return new SpringApplicationBuilder(TrackwellApplication.class)
                .web(WebApplicationType.NONE)
                .properties(
                        "trackwell.data-dir=" + data,
                        "trackwell.backup.directory=" + store,
                        "trackwell.database.embedded-port=" + TestPostgres.freePort(),
                        "trackwell.database.embedded-binaries=" + TestPostgres.BINARIES,
                        "trackwell.operator.first-start=false",
                        "trackwell.backup.ship-every=1s",
                        "spring.mail.host=127.0.0.1",
                        "spring.mail.port=" + TestMail.port(),
                        "spring.main.banner-mode=off")
                .run();
    }

    /** Closes the current WAL segment, so that the next shipping run has a file to put in the store. */
    private static void switchWal(EmbeddedCluster cluster) throws Exception {
        try (Connection connection = cluster.superuser().getConnection();
                Statement sql = connection.createStatement()) {
            sql.execute("create temporary table wal_activity as select 1 as one");
            sql.execute("select pg_switch_wal()");
        }
    }

    /** The subjects of the mail about backups to the operator, once there are {@code count}. */
    private static List<String> awaitSubjects(String operator, int count) throws MessagingException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        List<String> subjects = backupSubjects(operator);
        while (subjects.size() < count && System.nanoTime() < deadline) {
            ServiceProcess.pause(Duration.ofMillis(250));
            subjects = backupSubjects(operator);
        }
        return subjects;
    }

    /** Only mail about backups: the integrity checks write to operators too (docs/monitoring.md). */
    private static List<String> backupSubjects(String operator) throws MessagingException {
        List<String> subjects = new ArrayList<>();
        for (MimeMessage message : TestMail.to(operator)) {
            if (message.getSubject().startsWith("Trackwell backups")) {
                subjects.add(message.getSubject());
            }
        }
        return subjects;
    }
}
