package org.trackwell.operator;

import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.trackwell.audit.AuditStatus;
import org.trackwell.tenancy.Tenant;
import org.trackwell.tenancy.Tenants;

@Service
public class OperatorHealth {

    private final JdbcClient jdbc;
    private final Tenants tenants;
    private final AuditStatus audit;

    OperatorHealth(JdbcClient jdbc, Tenants tenants, AuditStatus audit) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.audit = audit;
    }

    public HealthReport report() {
        try {
            String version = jdbc.sql("show server_version").query(String.class).single();
            String schema = jdbc.sql("select max(version) from flyway_schema_history where success")
                    .query(String.class)
                    .optional()
                    .orElse("none");
            Map<String, Long> byStatus = new TreeMap<>();
            for (Tenant tenant : tenants.list()) {
                byStatus.merge(tenant.status().name(), 1L, Long::sum);
            }
            return new HealthReport(true, version, schema, byStatus, audit.entriesAwaitingSeal());
        } catch (RuntimeException e) {
            return new HealthReport(false, "unknown", "unknown", Map.of(), -1);
        }
    }
}
