package org.trackwell.identity;

import java.time.Duration;

/**
 * A tenant's sign-in rules. The defaults are secure: 15 characters minimum (NIST SP 800-63B-4 for
 * a password that is the only factor), no composition rules, the last 5 passwords barred, a lock
 * for 15 minutes after 5 failures, doubling up to a day, and sign-out after 20 idle minutes.
 */
public record SecurityPolicy(
        int minPasswordLength,
        int passwordHistory,
        boolean compositionRules,
        int lockoutThreshold,
        int lockoutMinutes,
        int maxLockoutMinutes,
        int idleTimeoutSeconds) {

    public static final int MAX_PASSWORD_LENGTH = 256;
    public static final int LOWEST_MIN_PASSWORD_LENGTH = 8;

    public static SecurityPolicy defaults() {
        return new SecurityPolicy(15, 5, false, 5, 15, 24 * 60, 20 * 60);
    }

    public Duration idleTimeout() {
        return Duration.ofSeconds(idleTimeoutSeconds);
    }

    /** The lock after the {@code lockNumber}-th lock (1 for the first): doubling, capped. */
    public Duration lockDuration(int lockNumber) {
        long minutes = (long) lockoutMinutes << Math.min(lockNumber - 1, 20);
        return Duration.ofMinutes(Math.min(minutes, maxLockoutMinutes));
    }
}
