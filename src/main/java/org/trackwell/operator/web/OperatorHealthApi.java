package org.trackwell.operator.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.trackwell.backup.BackupStatus;
import org.trackwell.backup.RestoreCheck;
import org.trackwell.database.DurabilitySettings;
import org.trackwell.monitoring.Check;
import org.trackwell.monitoring.CheckResult;
import org.trackwell.monitoring.CheckStatus;
import org.trackwell.operator.HealthReport;
import org.trackwell.operator.OperatorHealth;

/** The detailed health, for signed-in operators only: counts and states, never tenant content. */
@RestController
class OperatorHealthApi {

    private final OperatorHealth health;

    OperatorHealthApi(OperatorHealth health) {
        this.health = health;
    }

    record HealthView(
            boolean databaseUp,
            boolean databaseWritable,
            String databaseVersion,
            String schemaVersion,
            @Nullable DurabilityView durability,
            int databaseRestarts,
            long freeDiskBytes,
            boolean diskSpaceOk,
            BackupsView backups,
            Map<String, Long> tenantsByStatus,
            long auditEntriesAwaitingSeal,
            List<HealthCheckView> checks) {

        static HealthView of(HealthReport report) {
            DurabilitySettings durability = report.durability();
            return new HealthView(
                    report.databaseUp(),
                    report.databaseWritable(),
                    report.databaseVersion(),
                    report.schemaVersion(),
                    durability == null ? null : DurabilityView.of(durability),
                    report.databaseRestarts(),
                    report.freeDiskBytes(),
                    report.diskSpaceOk(),
                    BackupsView.of(report.backups()),
                    report.tenantsByStatus(),
                    report.auditEntriesAwaitingSeal(),
                    report.checks().stream().map(HealthCheckView::of).toList());
        }
    }

    record DurabilityView(
            String fsync, String synchronousCommit, String fullPageWrites, String dataChecksums, String walLevel) {

        static DurabilityView of(DurabilitySettings settings) {
            return new DurabilityView(
                    settings.fsync(),
                    settings.synchronousCommit(),
                    settings.fullPageWrites(),
                    settings.dataChecksums(),
                    settings.walLevel());
        }
    }

    record BackupsView(
            boolean enabled,
            String store,
            Optional<Instant> lastBaseBackup,
            int walWaiting,
            Optional<String> failure,
            Optional<Instant> failingSince,
            Optional<RestoreCheckView> lastCheck) {

        static BackupsView of(BackupStatus status) {
            return new BackupsView(
                    status.enabled(),
                    status.store(),
                    status.lastBaseBackup(),
                    status.walWaiting(),
                    status.failure(),
                    status.failingSince(),
                    status.lastCheck().map(RestoreCheckView::of));
        }
    }

    record RestoreCheckView(Instant at, boolean passed, String detail) {

        static RestoreCheckView of(RestoreCheck check) {
            return new RestoreCheckView(check.at(), check.passed(), check.detail());
        }
    }

    record HealthCheckView(Check check, CheckStatus status, String summary, Instant checkedAt) {

        static HealthCheckView of(CheckResult result) {
            return new HealthCheckView(result.check(), result.status(), result.summary(), result.checkedAt());
        }
    }

    @GetMapping("/api/v1/operator/health")
    @PreAuthorize("hasRole('OPERATOR')")
    HealthView health() {
        return HealthView.of(health.report());
    }
}
