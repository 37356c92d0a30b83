package org.trackwell.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trackwell.support.ServiceProcess;
import org.trackwell.support.TeamWriter;

/**
 * The embedded database as a power cut or a crash would meet it: killed (kill -9) during a
 * concurrent write load through the API. Every write the service acknowledged is there afterwards,
 * the service recovers by itself, and the audit trail verifies.
 */
class EmbeddedDatabaseRecoveryIT {

    @Test
    void keepsEveryAcknowledgedWriteWhenItsDatabaseIsKilledAndRecoversWithoutAPerson() throws Exception {
        try (ServiceProcess service = ServiceProcess.on(Files.createTempDirectory("trackwell-killed-db"))
                .start()) {
            String token = service.signInAsFirstAdmin();
            long killed = service.postmasterPid();
            try (TeamWriter writer = new TeamWriter(service, token, 4)) {
                writer.awaitMore(40, Duration.ofSeconds(60));
                service.killPostmaster();
                writer.awaitMore(40, Duration.ofSeconds(60));
                writer.close();
                assertThat(writer.answers().keySet())
                        .as("answers during the outage")
                        .isSubsetOf(201, 503);
                assertThat(TeamWriter.teamsIn(service, token)).containsAll(writer.acknowledged());
            }
            assertThat(service.postmasterPid()).isNotEqualTo(killed);
            assertThat(service.log()).contains("stopped unexpectedly").contains("runs again");
            ServiceProcess.CommandResult verify = service.operator("audit", "verify");
            assertThat(verify.exit()).as(verify.output()).isZero();
        }
    }

    @Test
    void keepsEveryAcknowledgedWriteWhenTheWholeServiceIsKilledAndStartedAgain() throws Exception {
        Path data = Files.createTempDirectory("trackwell-killed-service");
        try (ServiceProcess service = ServiceProcess.on(data).start()) {
            String token = service.signInAsFirstAdmin();
            TeamWriter writer = new TeamWriter(service, token, 4);
            writer.awaitMore(60, Duration.ofSeconds(60));
            service.killService();
            writer.close();

            service.start();
            assertThat(service.log()).contains("was still running on " + data.resolve("postgres"));
            keepsItsFilesPrivateAndTrustsNoLogin(service, data);
            assertThat(TeamWriter.teamsIn(service, token)).containsAll(writer.acknowledged());
            ServiceProcess.CommandResult verify = service.operator("audit", "verify");
            assertThat(verify.exit()).as(verify.output()).isZero();
        }
    }

    /** What a hostile local user finds: private files, a socket in the data directory, no login without a password. */
    private static void keepsItsFilesPrivateAndTrustsNoLogin(ServiceProcess service, Path data) throws Exception {
        for (Path directory : List.of(data, data.resolve("keys"), data.resolve("postgres"))) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory)))
                    .as(directory.toString())
                    .isEqualTo("rwx------");
        }
        assertThat(PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(data.resolve("keys/database.properties"))))
                .isEqualTo("rw-------");
        assertThat(Files.readAllLines(data.resolve("postgres/pg_hba.conf")))
                .noneMatch(line -> !line.startsWith("#") && line.contains("trust"));
        assertThat(data.resolve("postgres/.s.PGSQL." + service.databasePort())).exists();
        String url = "jdbc:postgresql://127.0.0.1:" + service.databasePort() + "/trackwell";
        assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", ""))
                .isInstanceOf(SQLException.class);
    }
}
