package org.trackwell.operator;

import java.util.Map;

/** What the operator sees of an installation's health: counts and states, never tenant content. */
public record HealthReport(
        boolean databaseUp,
        String databaseVersion,
        String schemaVersion,
        Map<String, Long> tenantsByStatus,
        long auditEntriesAwaitingSeal) {}
