package org.trackwell.identity.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.trackwell.identity.AccountStatus;
import org.trackwell.shared.UserId;

/** An account row as sign-in needs it. Holds a password hash: never printed. */
public record StoredAccount(
        UserId id,
        String email,
        String displayName,
        AccountStatus status,
        @Nullable String passwordHash,
        int failedAttempts,
        int lockCount,
        @Nullable Instant lockedUntil) {

    public boolean mayAttemptSignIn(Instant now) {
        return status == AccountStatus.ACTIVE && passwordHash != null && !lockedAt(now);
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    @Override
    public String toString() {
        return "StoredAccount[id=" + id + ", status=" + status + "]";
    }
}
