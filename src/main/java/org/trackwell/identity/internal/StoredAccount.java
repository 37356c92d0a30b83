package org.trackwell.identity.internal;

import java.time.Instant;
import java.util.Objects;
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

    /** The hash a password is checked against: only accounts that may attempt sign-in are checked. */
    public String hashToCheck() {
        return Objects.requireNonNull(passwordHash, "an account that may attempt sign-in has a password");
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    @Override
    public String toString() {
        return "StoredAccount[id=" + id + ", status=" + status + "]";
    }
}
