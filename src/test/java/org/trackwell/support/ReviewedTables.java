package org.trackwell.support;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The tables reviewed one by one as holding no tenant's rows or keyed otherwise, with why: one list
 * for the sharding plan's test (TenantKeysIT) and the row-level security test.
 */
public final class ReviewedTables {

    /** Tables without tenant_id: Citus reference tables (copied to every shard) or the coordinator's own. */
    public static final Map<String, String> INSTALLATION_WIDE = Map.ofEntries(
            Map.entry("tenant", "the tenants themselves: a reference table"),
            Map.entry(
                    "tenant_closure",
                    "what a tenant's closure has done so far, kept past the tenant's rows for its certificate: a"
                            + " reference table, like tenant"),
            Map.entry("terms_of_use", "the installation's terms, which every tenant's users accept: a reference table"),
            Map.entry("blocked_address", "addresses blocked before any tenant is known: the coordinator's"),
            Map.entry("sign_in_failure_by_address", "failures by address across tenants: the coordinator's"),
            Map.entry("password_reset_by_address", "reset requests by address across tenants: the coordinator's"),
            Map.entry("monitoring_baseline", "the installation's integrity baseline: the coordinator's"),
            Map.entry("monitoring_check_result", "the installation's integrity checks: the coordinator's"),
            Map.entry("health_probe", "one row each node rewrites for /health: the coordinator's"),
            Map.entry("cluster_job", "the scheduled jobs' turns across nodes: the coordinator's"),
            Map.entry("event_publication", "Spring Modulith's registry of events between modules: the coordinator's"),
            Map.entry("flyway_schema_history", "the schema's version: the coordinator's"));

    /** Tenant tables whose primary key does not begin with tenant_id, with why. */
    public static final Map<String, String> KEYED_OTHERWISE = Map.of(
            "tenant_host",
            "a host name names its tenant before the tenant is known, so it is looked up by name alone:"
                    + " a reference table, like tenant");

    /**
     * Tables row-level security does not cover: the installation-wide ones, those keyed otherwise,
     * and the audit entries waiting for the sealer, which seals every tenant's.
     */
    public static Set<String> outsideRowLevelSecurity() {
        return Stream.of(INSTALLATION_WIDE.keySet(), KEYED_OTHERWISE.keySet(), Set.of("audit_pending"))
                .flatMap(Set::stream)
                .collect(Collectors.toUnmodifiableSet());
    }

    private ReviewedTables() {}
}
