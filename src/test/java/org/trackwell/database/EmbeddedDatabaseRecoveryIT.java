package org.trackwell.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
            assertThat(TeamWriter.teamsIn(service, token)).containsAll(writer.acknowledged());
            ServiceProcess.CommandResult verify = service.operator("audit", "verify");
            assertThat(verify.exit()).as(verify.output()).isZero();
        }
    }
}
