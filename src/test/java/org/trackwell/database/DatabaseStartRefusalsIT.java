package org.trackwell.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.trackwell.support.ServiceProcess;
import org.trackwell.support.TestPostgres;

/** Starts that would put data at risk are refused with a message that says what to change. */
class DatabaseStartRefusalsIT {

    private static final Duration REFUSED_WITHIN = Duration.ofSeconds(90);

    @Test
    void refusesASecondStartInTheSameDataDirectory() throws Exception {
        Path data = Files.createTempDirectory("trackwell-twice");
        try (ServiceProcess first = ServiceProcess.on(data).start()) {
            ServiceProcess second =
                    ServiceProcess.on(data, "TRACKWELL_DATABASE_EMBEDDED_PORT", Integer.toString(first.databasePort()));
            assertThat(second.startExpectingRefusal(REFUSED_WITHIN)).isNotZero();
            assertThat(second.log()).contains("Trackwell is already running with the data directory " + data);
            assertThat(first.health().statusCode()).isEqualTo(200);
            ServiceProcess.CommandResult health = first.operator("health");
            assertThat(health.exit()).as(health.output()).isZero();
            assertThat(health.output())
                    .contains("Durability:      safe (fsync on, synchronous_commit on, full_page_writes on)")
                    .contains("Data checksums:  on; WAL level replica");
        }
    }

    @Test
    void refusesAForeignPostgresOnItsPort() throws Exception {
        int foreign = TestPostgres.port();
        ServiceProcess service = ServiceProcess.on(
                Files.createTempDirectory("trackwell-foreign"),
                "TRACKWELL_DATABASE_EMBEDDED_PORT",
                Integer.toString(foreign));
        assertThat(service.startExpectingRefusal(REFUSED_WITHIN)).isNotZero();
        assertThat(service.log())
                .contains("Port " + foreign + " on 127.0.0.1 is in use by another program")
                .contains("TRACKWELL_DATABASE_EMBEDDED_PORT");
    }

    @Test
    void refusesADatabaseThatCanLoseAcknowledgedWrites() throws Exception {
        ServiceProcess service = ServiceProcess.on(
                Files.createTempDirectory("trackwell-unsafe"),
                "TRACKWELL_DATABASE_URL",
                TestPostgres.jdbcUrl(),
                "TRACKWELL_DATABASE_PASSWORD",
                TestPostgres.passwords().runtime(),
                "TRACKWELL_DATABASE_OWNER_PASSWORD",
                TestPostgres.passwords().owner());
        assertThat(service.startExpectingRefusal(REFUSED_WITHIN)).isNotZero();
        assertThat(service.log())
                .contains("The database can lose writes it has acknowledged: fsync=off")
                .contains("TRACKWELL_DATABASE_UNSAFE_ALLOW_LOST_WRITES");
    }

    @Test
    void refusesADataDirectoryOtherUsersCanRead() throws Exception {
        Path data = Files.createTempDirectory("trackwell-open");
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        ServiceProcess service = ServiceProcess.on(data);
        assertThat(service.startExpectingRefusal(REFUSED_WITHIN)).isNotZero();
        assertThat(service.log()).contains(data + " can be read by other users").contains("chmod 700 " + data);
        assertThat(data.resolve("postgres")).doesNotExist();
    }
}
