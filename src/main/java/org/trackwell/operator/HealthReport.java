package org.trackwell.operator;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.trackwell.backup.BackupStatus;
import org.trackwell.database.DurabilitySettings;
import org.trackwell.monitoring.CheckResult;

/** What the operator sees of an installation's health: counts and states, never tenant content. */
public record HealthReport(
        boolean databaseUp,
        boolean databaseWritable,
        String databaseVersion,
        String schemaVersion,
        @Nullable DurabilitySettings durability,
        int databaseRestarts,
        long freeDiskBytes,
        boolean diskSpaceOk,
        BackupStatus backups,
        Map<String, Long> tenantsByStatus,
        long auditEntriesAwaitingSeal,
        List<CheckResult> checks) {}
