package org.trackwell.monitoring.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.trackwell.audit.AuditEntry;
import org.trackwell.monitoring.ActivityRuleSetting;
import org.trackwell.monitoring.NewAlert;
import org.trackwell.shared.TenantId;

/**
 * How a rule turns the entries it matches within its window into alerts: grouped by what they are
 * about (an account, an address, a user), one alert for each group, naming its newest entries.
 */
final class RuleWindows {

    static final int ENTRIES_PER_ALERT = 100;

    /** What an alert that counts entries says about the group it counts. */
    interface Describer {
        String what(String subject, List<AuditEntry> found);
    }

    private final TenantId tenant;
    private final List<AuditEntry> entries;
    private final Instant now;
    private final EntryWords words;

    RuleWindows(TenantId tenant, List<AuditEntry> entries, Instant now, EntryWords words) {
        this.tenant = tenant;
        this.entries = List.copyOf(entries);
        this.now = now;
        this.words = words;
    }

    /** One alert for each subject with at least the rule's threshold of matching entries in its window. */
    void counted(
            List<NewAlert> alerts,
            ActivityRuleSetting rule,
            Predicate<AuditEntry> matches,
            Function<AuditEntry, String> subjectOf,
            Describer describer,
            Function<String, String> whoOf) {
        if (!rule.enabled()) {
            return;
        }
        grouped(within(rule.window()), matches, subjectOf).forEach((subject, found) -> {
            if (found.size() >= rule.thresholdOrOne()) {
                alerts.add(alert(rule, subject, describer.what(subject, found), whoOf.apply(subject), found));
            }
        });
    }

    /** One alert for each subject of a matching entry within the last look-back, told by its newest entry. */
    void single(
            List<NewAlert> alerts,
            ActivityRuleSetting rule,
            Predicate<AuditEntry> matches,
            Function<AuditEntry, String> subjectOf,
            Function<AuditEntry, String> what) {
        if (!rule.enabled()) {
            return;
        }
        grouped(within(SuspiciousActivity.LOOKBACK), matches, subjectOf)
                .forEach((subject, found) -> alerts.add(
                        alert(rule, subject, what.apply(found.getLast()), words.who(found.getLast()), found)));
    }

    /** The entries of signed-in users that match, by the user's id. */
    Map<String, List<AuditEntry>> byUser(Duration window, Predicate<AuditEntry> matches) {
        Predicate<AuditEntry> byAUser = RuleWindows::isUser;
        return grouped(within(window), byAUser.and(matches), e -> String.valueOf(e.actorId()));
    }

    NewAlert alert(
            ActivityRuleSetting rule, String subject, String what, @Nullable String who, List<AuditEntry> found) {
        return alert(rule, subject, what, who, found, rule.window());
    }

    NewAlert alert(
            ActivityRuleSetting rule,
            String subject,
            String what,
            @Nullable String who,
            List<AuditEntry> found,
            Duration window) {
        return new NewAlert(
                Optional.of(tenant),
                rule.rule().code(),
                subject,
                what,
                who,
                found.getLast().occurredAt(),
                ids(found),
                window);
    }

    static boolean isUser(AuditEntry entry) {
        return entry.actorType().equals("USER") && entry.actorId() != null;
    }

    static List<UUID> ids(List<AuditEntry> found) {
        List<AuditEntry> newest = found.subList(Math.max(0, found.size() - ENTRIES_PER_ALERT), found.size());
        return newest.stream().map(AuditEntry::id).toList();
    }

    private List<AuditEntry> within(Duration window) {
        Instant from = now.minus(window);
        return entries.stream().filter(e -> !e.occurredAt().isBefore(from)).toList();
    }

    private static Map<String, List<AuditEntry>> grouped(
            List<AuditEntry> entries, Predicate<AuditEntry> matches, Function<AuditEntry, String> subjectOf) {
        return entries.stream()
                .filter(matches)
                .collect(Collectors.groupingBy(subjectOf, LinkedHashMap::new, Collectors.toList()));
    }
}
