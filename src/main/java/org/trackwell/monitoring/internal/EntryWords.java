package org.trackwell.monitoring.internal;

import java.util.Arrays;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.trackwell.audit.AuditAction;
import org.trackwell.audit.AuditEntry;
import org.trackwell.monitoring.ActivityRuleSetting;

/** How an alert names the people, actions and windows of the audit entries behind it. */
final class EntryWords {

    private final Function<String, String> names;

    /** @param names a user id to the name the pages show for them */
    EntryWords(Function<String, String> names) {
        this.names = names;
    }

    String name(String userId) {
        return names.apply(userId);
    }

    String who(AuditEntry entry) {
        return switch (entry.actorType()) {
            case "USER" -> entry.actorId() == null ? "a user" : names.apply(entry.actorId());
            case "OPERATOR" -> "the installation's operator";
            case "SYSTEM" -> "Trackwell itself";
            case "SERVICE_ACCOUNT" -> "a service account (API client)";
            default -> "someone not signed in";
        };
    }

    /** The person a target or subject such as {@code user:<id>} names. */
    String person(@Nullable String target) {
        if (target == null) {
            return "an unknown account";
        }
        int colon = target.indexOf(':');
        return names.apply(colon < 0 ? target : target.substring(colon + 1));
    }

    static String minutes(ActivityRuleSetting rule) {
        return rule.window().toMinutes() + " minutes";
    }

    /** An action's meaning from the audit catalogue, or its code when the catalogue no longer has it. */
    static String describe(String action) {
        return Arrays.stream(AuditAction.values())
                .filter(known -> known.code().equals(action))
                .findFirst()
                .map(AuditAction::meaning)
                .orElse(action);
    }
}
