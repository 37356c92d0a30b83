package org.trackwell.identity.internal;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.trackwell.identity.Role;
import org.trackwell.identity.SecurityPolicy;
import org.trackwell.shared.TenantId;

@Repository
public class PolicyRows {

    private final JdbcClient jdbc;

    PolicyRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<SecurityPolicy> find() {
        return jdbc.sql("select * from security_policy")
                .query((row, n) -> new SecurityPolicy(
                        row.getInt("min_password_length"),
                        row.getInt("password_history"),
                        row.getBoolean("composition_rules"),
                        row.getInt("lockout_threshold"),
                        row.getInt("lockout_minutes"),
                        row.getInt("max_lockout_minutes"),
                        row.getInt("idle_timeout_seconds"),
                        Joined.roles(row.getString("second_factor_roles")),
                        row.getInt("disable_unused_after_days")))
                .optional();
    }

    public void save(TenantId tenant, SecurityPolicy policy) {
        jdbc.sql("""
                insert into security_policy (tenant_id, min_password_length, password_history, composition_rules,
                  lockout_threshold, lockout_minutes, max_lockout_minutes, idle_timeout_seconds, second_factor_roles,
                  disable_unused_after_days)
                values (:tenant, :min, :history, :composition, :threshold, :lockMinutes, :maxLock, :idle, :secondFactor,
                  :unusedDays)
                on conflict (tenant_id) do update set min_password_length = excluded.min_password_length,
                  password_history = excluded.password_history, composition_rules = excluded.composition_rules,
                  lockout_threshold = excluded.lockout_threshold, lockout_minutes = excluded.lockout_minutes,
                  max_lockout_minutes = excluded.max_lockout_minutes,
                  idle_timeout_seconds = excluded.idle_timeout_seconds,
                  second_factor_roles = excluded.second_factor_roles,
                  disable_unused_after_days = excluded.disable_unused_after_days""")
                .param("tenant", tenant.value())
                .param("min", policy.minPasswordLength())
                .param("history", policy.passwordHistory())
                .param("composition", policy.compositionRules())
                .param("threshold", policy.lockoutThreshold())
                .param("lockMinutes", policy.lockoutMinutes())
                .param("maxLock", policy.maxLockoutMinutes())
                .param("idle", policy.idleTimeoutSeconds())
                .param("unusedDays", policy.disableUnusedAfterDays())
                .param(
                        "secondFactor",
                        String.join(
                                ",",
                                policy.secondFactorRoles().stream()
                                        .map(Role::name)
                                        .sorted()
                                        .toList()))
                .update();
    }
}
