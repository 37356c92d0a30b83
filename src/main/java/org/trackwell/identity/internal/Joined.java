package org.trackwell.identity.internal;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.trackwell.identity.Role;

/** Reads the comma-joined lists that the account queries aggregate in SQL. */
final class Joined {

    private Joined() {}

    static Set<Role> roles(@Nullable String joined) {
        return joined == null || joined.isBlank()
                ? EnumSet.noneOf(Role.class)
                : Arrays.stream(joined.split(","))
                        .map(Role::valueOf)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }
}
