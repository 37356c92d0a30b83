package org.trackwell.identity;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.trackwell.shared.UserId;

/** A user as the tenant's administrators see them. */
public record User(
        UserId id,
        String email,
        String displayName,
        AccountStatus status,
        Set<Role> roles,
        List<Team> teams,
        @Nullable Instant lockedUntil) {

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
