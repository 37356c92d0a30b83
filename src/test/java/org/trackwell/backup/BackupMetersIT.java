package org.trackwell.backup;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.trackwell.TrackwellApplication;
import org.trackwell.support.TestPostgres;

/**
 * The backup metrics say how old the newest base backup and the last restore check are, read from
 * a real embedded server backed up into a real store.
 */
class BackupMetersIT {

    @Test
    void agesOfTheNewestBackupAndRestoreCheckAreMetrics() throws Exception {
        Path root = Files.createTempDirectory("trackwell-backup-meters");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(TrackwellApplication.class)
                .web(WebApplicationType.NONE)
                .properties(
                        "trackwell.data-dir=" + root.resolve("data"),
                        "trackwell.backup.directory=" + root.resolve("store"),
                        "trackwell.database.embedded-port=" + TestPostgres.freePort(),
                        "trackwell.database.embedded-binaries=" + TestPostgres.BINARIES,
                        "trackwell.operator.first-start=false",
                        "spring.main.banner-mode=off")
                .run()) {
            Backups backups = app.getBean(Backups.class);
            backups.takeBaseBackup();
            Optional<RestoreCheck> check = backups.checkRestore();
            assertThat(check).hasValueSatisfying(c -> assertThat(c.passed()).isTrue());

            MeterRegistry meters = app.getBean(MeterRegistry.class);
            assertThat(meters.get("trackwell.backup.age").timeGauge().value(TimeUnit.SECONDS))
                    .isBetween(0.0, 600.0);
            assertThat(meters.get("trackwell.backup.restore.check.age")
                            .timeGauge()
                            .value(TimeUnit.SECONDS))
                    .isBetween(0.0, 600.0);
            assertThat(meters.get("trackwell.backup.restore.check.passed")
                            .gauge()
                            .value())
                    .isEqualTo(1.0);
            assertThat(meters.get("trackwell.backup.failing").gauge().value()).isEqualTo(0.0);
        }
    }
}
