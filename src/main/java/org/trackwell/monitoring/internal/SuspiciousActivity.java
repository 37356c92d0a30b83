package org.trackwell.monitoring.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.trackwell.audit.AuditAction;
import org.trackwell.audit.AuditEntry;
import org.trackwell.monitoring.ActivityRule;
import org.trackwell.monitoring.ActivityRuleSetting;
import org.trackwell.monitoring.ActivityRuleSettings;
import org.trackwell.monitoring.NewAlert;
import org.trackwell.shared.TenantId;

/**
 * The tenant's rules over one stream's recent entries: which alerts they raise. Reads only the
 * trail's own fields (actor, action, target, outcome, address, time), never client data.
 */
public final class SuspiciousActivity {

    /** How far back the rules that fire on single entries, and the working-hours rule, look. */
    public static final Duration LOOKBACK = Duration.ofHours(1);

    static final int ENTRIES_PER_ALERT = 100;

    static final Set<String> CLIENT_READS = Arrays.stream(AuditAction.values())
            .filter(action -> action.target() == AuditAction.Target.CLIENT)
            .map(AuditAction::code)
            .filter(code -> code.endsWith("viewed") || code.equals(AuditAction.CLIENT_ACCESS_DENIED.code()))
            .collect(Collectors.toUnmodifiableSet());

    static final Set<String> EXPORTS = Arrays.stream(AuditAction.values())
            .map(AuditAction::code)
            .filter(code -> code.contains("export") || code.endsWith(".printed"))
            .collect(Collectors.toUnmodifiableSet());

    private final TenantId tenant;
    private final ActivityRuleSettings settings;
    private final List<AuditEntry> entries;
    private final Function<String, String> names;
    private final Instant now;

    /**
     * @param entries the stream's entries of at least the longest window and {@link #LOOKBACK}
     * @param names a user id to the name the pages show for them
     */
    public SuspiciousActivity(
            TenantId tenant,
            ActivityRuleSettings settings,
            List<AuditEntry> entries,
            Function<String, String> names,
            Instant now) {
        this.tenant = tenant;
        this.settings = settings;
        this.entries = List.copyOf(entries);
        this.names = names;
        this.now = now;
    }

    public static boolean keyOperation(String action) {
        return action.startsWith("keys.") || action.startsWith("tenant-keys.") || action.startsWith("client-key.");
    }

    public List<NewAlert> alerts() {
        List<NewAlert> alerts = new ArrayList<>();
        failedSignIns(alerts);
        locksAndBlocks(alerts);
        manyClientRecords(alerts);
        exports(alerts);
        outsideWorkingHours(alerts);
        single(
                alerts,
                ActivityRule.ADMIN_ROLE_GRANTED,
                e -> e.action().equals(AuditAction.USER_ADMIN_GRANTED.code()),
                e -> String.valueOf(e.target()),
                e -> who(e) + " gave " + person(e.target()) + " the admin role.");
        single(
                alerts,
                ActivityRule.SECOND_FACTOR_RESET,
                e -> e.action().equals(AuditAction.MFA_RESET.code()),
                e -> String.valueOf(e.target()),
                e -> who(e) + " reset the second factor (authenticator app and passkeys) of " + person(e.target())
                        + ".");
        single(
                alerts,
                ActivityRule.OPERATOR_ACTION,
                e -> e.actorType().equals("OPERATOR"),
                e -> "operator:" + e.action(),
                e -> "The installation's operator did this here: " + describe(e.action()) + ".");
        single(
                alerts,
                ActivityRule.KEY_OPERATION,
                e -> keyOperation(e.action()),
                e -> e.action() + " " + e.target(),
                e -> "Encryption keys: " + describe(e.action()) + " (by " + who(e) + ").");
        return alerts;
    }

    private void failedSignIns(List<NewAlert> alerts) {
        ActivityRuleSetting account = settings.of(ActivityRule.FAILED_SIGN_INS_FOR_ACCOUNT);
        counted(
                alerts,
                account,
                e -> e.action().equals(AuditAction.SIGN_IN_FAILED.code()) && e.target() != null,
                e -> String.valueOf(e.target()),
                (subject, found) -> found.size() + " failed sign-ins for the account of " + person(subject) + " within "
                        + minutes(account) + ".",
                subject -> person(subject));
        ActivityRuleSetting address = settings.of(ActivityRule.FAILED_SIGN_INS_FROM_ADDRESS);
        counted(
                alerts,
                address,
                e -> e.action().equals(AuditAction.SIGN_IN_FAILED.code()) && e.address() != null,
                e -> "address:" + e.address(),
                (subject, found) -> found.size() + " failed sign-ins from the address "
                        + subject.substring("address:".length()) + " within " + minutes(address) + ", for "
                        + found.stream()
                                .map(AuditEntry::target)
                                .filter(t -> t != null)
                                .distinct()
                                .count()
                        + " known account(s) and "
                        + found.stream().filter(e -> e.target() == null).count()
                        + " e-mail address(es) that match no account.",
                subject -> "the address " + subject.substring("address:".length()));
    }

    private void locksAndBlocks(List<NewAlert> alerts) {
        single(
                alerts,
                ActivityRule.LOCKS_AND_BLOCKS,
                e -> e.action().equals(AuditAction.SIGN_IN_LOCKED.code()),
                e -> String.valueOf(e.target()),
                e -> "The account of " + person(e.target()) + " was locked after too many failed sign-ins.");
        single(
                alerts,
                ActivityRule.LOCKS_AND_BLOCKS,
                e -> e.action().equals(AuditAction.SIGN_IN_ADDRESS_BLOCKED.code()),
                e -> "address:" + e.address(),
                e -> "The address " + e.address() + " was blocked after too many failed sign-ins.");
    }

    private void manyClientRecords(List<NewAlert> alerts) {
        ActivityRuleSetting rule = settings.of(ActivityRule.MANY_CLIENT_RECORDS);
        if (!rule.enabled()) {
            return;
        }
        byUser(within(rule.window()), e -> CLIENT_READS.contains(e.action()) && e.target() != null)
                .forEach((user, found) -> {
                    long clients =
                            found.stream().map(AuditEntry::target).distinct().count();
                    if (clients > rule.thresholdOrOne()) {
                        alerts.add(alert(
                                rule,
                                "user:" + user,
                                names.apply(user) + " opened the records of " + clients + " different clients within "
                                        + minutes(rule) + ".",
                                names.apply(user),
                                found));
                    }
                });
    }

    private void exports(List<NewAlert> alerts) {
        ActivityRuleSetting rule = settings.of(ActivityRule.EXPORTS);
        counted(
                alerts,
                rule,
                e -> EXPORTS.contains(e.action()) && isUser(e),
                e -> "user:" + e.actorId(),
                (subject, found) -> person(subject) + " exported or printed " + found.size() + " times within "
                        + minutes(rule) + " ("
                        + found.stream()
                                .map(e -> describe(e.action()))
                                .distinct()
                                .collect(Collectors.joining(", ")) + ").",
                this::person);
    }

    private void outsideWorkingHours(List<NewAlert> alerts) {
        ActivityRuleSetting rule = settings.of(ActivityRule.OUTSIDE_WORKING_HOURS);
        if (!rule.enabled()) {
            return;
        }
        byUser(within(LOOKBACK), e -> !settings.hours().covers(e.occurredAt(), settings.zone()))
                .forEach((user, found) -> alerts.add(new NewAlert(
                        Optional.of(tenant),
                        rule.rule().code(),
                        "user:" + user,
                        names.apply(user) + " used Trackwell outside the working hours (" + found.size()
                                + " entries, the first at "
                                + found.getFirst()
                                        .occurredAt()
                                        .atZone(settings.zone())
                                        .toLocalTime()
                                        .withNano(0)
                                + " in " + settings.zone() + ").",
                        names.apply(user),
                        found.getLast().occurredAt(),
                        ids(found),
                        Duration.ofDays(1))));
    }

    private interface Describer {
        String what(String subject, List<AuditEntry> found);
    }

    private void counted(
            List<NewAlert> alerts,
            ActivityRuleSetting rule,
            Predicate<AuditEntry> matches,
            Function<AuditEntry, String> subjectOf,
            Describer describer,
            Function<String, String> whoOf) {
        if (!rule.enabled()) {
            return;
        }
        Map<String, List<AuditEntry>> bySubject = within(rule.window()).stream()
                .filter(matches)
                .collect(Collectors.groupingBy(subjectOf, LinkedHashMap::new, Collectors.toList()));
        bySubject.forEach((subject, found) -> {
            if (found.size() >= rule.thresholdOrOne()) {
                alerts.add(alert(rule, subject, describer.what(subject, found), whoOf.apply(subject), found));
            }
        });
    }

    private void single(
            List<NewAlert> alerts,
            ActivityRule which,
            Predicate<AuditEntry> matches,
            Function<AuditEntry, String> subjectOf,
            Function<AuditEntry, String> what) {
        ActivityRuleSetting rule = settings.of(which);
        if (!rule.enabled()) {
            return;
        }
        within(LOOKBACK).stream()
                .filter(matches)
                .collect(Collectors.groupingBy(subjectOf, LinkedHashMap::new, Collectors.toList()))
                .forEach((subject, found) ->
                        alerts.add(alert(rule, subject, what.apply(found.getLast()), who(found.getLast()), found)));
    }

    private NewAlert alert(
            ActivityRuleSetting rule, String subject, String what, @Nullable String who, List<AuditEntry> found) {
        return new NewAlert(
                Optional.of(tenant),
                rule.rule().code(),
                subject,
                what,
                who,
                found.getLast().occurredAt(),
                ids(found),
                rule.window());
    }

    private List<AuditEntry> within(Duration window) {
        Instant from = now.minus(window);
        return entries.stream().filter(e -> !e.occurredAt().isBefore(from)).toList();
    }

    private static Map<String, List<AuditEntry>> byUser(List<AuditEntry> entries, Predicate<AuditEntry> matches) {
        return entries.stream()
                .filter(SuspiciousActivity::isUser)
                .filter(matches)
                .collect(Collectors.groupingBy(
                        e -> String.valueOf(e.actorId()), LinkedHashMap::new, Collectors.toList()));
    }

    private static boolean isUser(AuditEntry entry) {
        return entry.actorType().equals("USER") && entry.actorId() != null;
    }

    static List<UUID> ids(List<AuditEntry> found) {
        List<AuditEntry> newest = found.subList(Math.max(0, found.size() - ENTRIES_PER_ALERT), found.size());
        return newest.stream().map(AuditEntry::id).toList();
    }

    private String who(AuditEntry entry) {
        return switch (entry.actorType()) {
            case "USER" -> entry.actorId() == null ? "a user" : names.apply(entry.actorId());
            case "OPERATOR" -> "the installation's operator";
            case "SYSTEM" -> "Trackwell itself";
            case "SERVICE_ACCOUNT" -> "a service account (API client)";
            default -> "someone not signed in";
        };
    }

    /** The person a target or subject such as {@code user:<id>} names, as the pages show them. */
    private String person(@Nullable String target) {
        if (target == null) {
            return "an unknown account";
        }
        int colon = target.indexOf(':');
        return names.apply(colon < 0 ? target : target.substring(colon + 1));
    }

    private static String minutes(ActivityRuleSetting rule) {
        return rule.window().toMinutes() + " minutes";
    }

    static String describe(String action) {
        return Arrays.stream(AuditAction.values())
                .filter(known -> known.code().equals(action))
                .findFirst()
                .map(AuditAction::meaning)
                .orElse(action);
    }
}
