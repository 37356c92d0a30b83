package org.trackwell.identity;

import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A tenant's sign-in rules. The defaults are secure: 15 characters minimum (NIST SP 800-63B-4 for
 * a password that is the only factor), no composition rules, the last 5 passwords barred, a lock
 * for 15 minutes after 5 failures, doubling up to a day, sign-out after 20 idle minutes, a
 * second factor for tenant admins, and an account unused for 90 days disabled by itself.
 */
public record SecurityPolicy(
        int minPasswordLength,
        int passwordHistory,
        boolean compositionRules,
        int lockoutThreshold,
        int lockoutMinutes,
        int maxLockoutMinutes,
        int idleTimeoutSeconds,
        Set<Role> secondFactorRoles,
        int disableUnusedAfterDays) {

    public static final int MAX_PASSWORD_LENGTH = 256;
    public static final int LOWEST_MIN_PASSWORD_LENGTH = 8;

    public static SecurityPolicy defaults() {
        return new SecurityPolicy(15, 5, false, 5, 15, 24 * 60, 20 * 60, Set.of(Role.TENANT_ADMIN), 90);
    }

    public SecurityPolicy {
        secondFactorRoles = Set.copyOf(secondFactorRoles);
    }

    /** Whether every role must use a second factor, so that no password is the only factor. */
    public boolean secondFactorForEveryone() {
        return secondFactorRoles.containsAll(EnumSet.allOf(Role.class));
    }

    public boolean secondFactorRequiredFor(Set<Role> roles) {
        return roles.stream().anyMatch(secondFactorRoles::contains);
    }

    public SecurityPolicy withSecondFactorRoles(Set<Role> roles) {
        return new SecurityPolicy(
                minPasswordLength,
                passwordHistory,
                compositionRules,
                lockoutThreshold,
                lockoutMinutes,
                maxLockoutMinutes,
                idleTimeoutSeconds,
                roles,
                disableUnusedAfterDays);
    }

    /** Whether accounts unused for a while are disabled by themselves; 0 days means never. */
    public boolean disablesUnusedAccounts() {
        return disableUnusedAfterDays > 0;
    }

    public Duration idleTimeout() {
        return Duration.ofSeconds(idleTimeoutSeconds);
    }

    /** The lock after the {@code lockNumber}-th lock (1 for the first): doubling, capped. */
    public Duration lockDuration(int lockNumber) {
        long minutes = (long) lockoutMinutes << Math.min(lockNumber - 1, 20);
        return Duration.ofMinutes(Math.min(minutes, maxLockoutMinutes));
    }

    /** Each setting by name, as the audit trail records a change of it. */
    public Map<String, String> asSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("min-password-length", String.valueOf(minPasswordLength));
        settings.put("password-history", String.valueOf(passwordHistory));
        settings.put("composition-rules", String.valueOf(compositionRules));
        settings.put("lockout-threshold", String.valueOf(lockoutThreshold));
        settings.put("lockout-minutes", String.valueOf(lockoutMinutes));
        settings.put("max-lockout-minutes", String.valueOf(maxLockoutMinutes));
        settings.put("idle-timeout-minutes", String.valueOf(idleTimeoutSeconds / 60));
        settings.put(
                "second-factor-roles",
                secondFactorRoles.stream().map(Role::name).sorted().collect(Collectors.joining(",")));
        settings.put("disable-unused-after-days", String.valueOf(disableUnusedAfterDays));
        return settings;
    }
}
