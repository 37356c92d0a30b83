package org.trackwell.operator;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.trackwell.audit.AuditStatus;
import org.trackwell.backup.Backups;
import org.trackwell.database.DatabaseHealth;
import org.trackwell.monitoring.IntegrityChecks;
import org.trackwell.tenancy.Tenant;
import org.trackwell.tenancy.Tenants;

@Service
public class OperatorHealth {

    private final JdbcClient jdbc;
    private final Tenants tenants;
    private final AuditStatus audit;
    private final DatabaseHealth database;
    private final Backups backups;
    private final IntegrityChecks checks;

    OperatorHealth(
            JdbcClient jdbc,
            Tenants tenants,
            AuditStatus audit,
            DatabaseHealth database,
            Backups backups,
            IntegrityChecks checks) {
        this.backups = backups;
        this.checks = checks;
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.audit = audit;
        this.database = database;
    }

    public HealthReport report() {
        DatabaseHealth.Readiness readiness = database.readiness();
        try {
            String version = jdbc.sql("show server_version").query(String.class).single();
            String schema = jdbc.sql(
                            "select version from flyway_schema_history where success and version is not null order by installed_rank desc limit 1")
                    .query(String.class)
                    .optional()
                    .orElse("none");
            Map<String, Long> byStatus = new TreeMap<>();
            for (Tenant tenant : tenants.list()) {
                byStatus.merge(tenant.status().name(), 1L, Long::sum);
            }
            return new HealthReport(
                    true,
                    readiness.databaseWritable(),
                    version,
                    schema,
                    database.durability(),
                    database.embeddedRestarts(),
                    readiness.freeDiskBytes(),
                    readiness.diskSpaceOk(),
                    backups.status(),
                    byStatus,
                    audit.entriesAwaitingSeal(),
                    checks.latest());
        } catch (RuntimeException e) {
            return new HealthReport(
                    false,
                    false,
                    "unknown",
                    "unknown",
                    null,
                    database.embeddedRestarts(),
                    readiness.freeDiskBytes(),
                    readiness.diskSpaceOk(),
                    backups.status(),
                    Map.of(),
                    -1,
                    List.of());
        }
    }
}
