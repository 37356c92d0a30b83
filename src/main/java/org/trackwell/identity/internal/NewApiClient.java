package org.trackwell.identity.internal;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.trackwell.identity.ApiScope;

/** What an admin asks for when making a service account; checked by {@code ServiceAccounts.create}. */
public record NewApiClient(
        String name, Set<ApiScope> scopes, Set<UUID> teams, LocalDate expiresOn, int callsPerMinute) {

    public static final int DEFAULT_CALLS_PER_MINUTE = 120;
}
