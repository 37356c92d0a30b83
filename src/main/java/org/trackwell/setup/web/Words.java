package org.trackwell.setup.web;

import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;
import org.trackwell.identity.Role;

/** Roles and setting names as the survey's pages and the record say them. */
final class Words {

    private Words() {}

    static String roles(Collection<Role> roles) {
        return roles.isEmpty()
                ? "nobody"
                : roles.stream().sorted().map(Role::word).collect(Collectors.joining(", "));
    }

    static String list(Collection<String> items) {
        return items.isEmpty() ? "none" : String.join(", ", items);
    }

    /** {@code security-policy.idle-timeout-minutes} becomes "security policy: idle timeout minutes". */
    static String setting(String name) {
        return name.replaceFirst("\\.", ": ")
                .replace('-', ' ')
                .replace('_', ' ')
                .toLowerCase(Locale.ROOT);
    }
}
