package org.trackwell.monitoring.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
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

    static final Set<String> CLIENT_READS = Arrays.stream(AuditAction.values())
            .filter(action -> action.target() == AuditAction.Target.CLIENT)
            .map(AuditAction::code)
            .filter(code -> code.endsWith("viewed") || code.equals(AuditAction.CLIENT_ACCESS_DENIED.code()))
            .collect(Collectors.toUnmodifiableSet());

    static final Set<String> EXPORTS = Arrays.stream(AuditAction.values())
            .map(AuditAction::code)
            .filter(code -> code.contains("export") || code.endsWith(".printed"))
            .collect(Collectors.toUnmodifiableSet());

    private final ActivityRuleSettings settings;
    private final EntryWords words;
    private final RuleWindows windows;

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
        this.settings = settings;
        this.words = new EntryWords(names);
        this.windows = new RuleWindows(tenant, entries, now, words);
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
        accountsAndKeys(alerts);
        return alerts;
    }

    private void failedSignIns(List<NewAlert> alerts) {
        ActivityRuleSetting account = settings.of(ActivityRule.FAILED_SIGN_INS_FOR_ACCOUNT);
        windows.counted(
                alerts,
                account,
                e -> e.action().equals(AuditAction.SIGN_IN_FAILED.code()) && e.target() != null,
                e -> String.valueOf(e.target()),
                (subject, found) -> found.size() + " failed sign-ins for the account of " + words.person(subject)
                        + " within " + EntryWords.minutes(account) + ".",
                words::person);
        ActivityRuleSetting address = settings.of(ActivityRule.FAILED_SIGN_INS_FROM_ADDRESS);
        windows.counted(
                alerts,
                address,
                e -> e.action().equals(AuditAction.SIGN_IN_FAILED.code()) && e.address() != null,
                e -> "address:" + e.address(),
                (subject, found) -> found.size() + " failed sign-ins from the address "
                        + subject.substring("address:".length()) + " within " + EntryWords.minutes(address) + ", for "
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
        ActivityRuleSetting rule = settings.of(ActivityRule.LOCKS_AND_BLOCKS);
        windows.single(
                alerts,
                rule,
                e -> e.action().equals(AuditAction.SIGN_IN_LOCKED.code()),
                e -> String.valueOf(e.target()),
                e -> "The account of " + words.person(e.target()) + " was locked after too many failed sign-ins.");
        windows.single(
                alerts,
                rule,
                e -> e.action().equals(AuditAction.SIGN_IN_ADDRESS_BLOCKED.code()),
                e -> "address:" + e.address(),
                e -> "The address " + e.address() + " was blocked after too many failed sign-ins.");
    }

    private void manyClientRecords(List<NewAlert> alerts) {
        ActivityRuleSetting rule = settings.of(ActivityRule.MANY_CLIENT_RECORDS);
        if (!rule.enabled()) {
            return;
        }
        windows.byUser(rule.window(), e -> CLIENT_READS.contains(e.action()) && e.target() != null)
                .forEach((user, found) -> {
                    long clients =
                            found.stream().map(AuditEntry::target).distinct().count();
                    if (clients > rule.thresholdOrOne()) {
                        alerts.add(windows.alert(
                                rule,
                                "user:" + user,
                                words.name(user) + " opened the records of " + clients + " different clients within "
                                        + EntryWords.minutes(rule) + ".",
                                words.name(user),
                                found));
                    }
                });
    }

    private void exports(List<NewAlert> alerts) {
        ActivityRuleSetting rule = settings.of(ActivityRule.EXPORTS);
        windows.counted(
                alerts,
                rule,
                e -> EXPORTS.contains(e.action()) && RuleWindows.isUser(e),
                e -> "user:" + e.actorId(),
                (subject, found) -> words.person(subject) + " exported or printed " + found.size() + " times within "
                        + EntryWords.minutes(rule) + " ("
                        + found.stream()
                                .map(e -> EntryWords.describe(e.action()))
                                .distinct()
                                .collect(Collectors.joining(", "))
                        + ").",
                words::person);
    }

    private void outsideWorkingHours(List<NewAlert> alerts) {
        ActivityRuleSetting rule = settings.of(ActivityRule.OUTSIDE_WORKING_HOURS);
        if (!rule.enabled()) {
            return;
        }
        windows.byUser(LOOKBACK, e -> !settings.hours().covers(e.occurredAt(), settings.zone()))
                .forEach((user, found) -> alerts.add(windows.alert(
                        rule,
                        "user:" + user,
                        words.name(user) + " used Trackwell outside the working hours (" + found.size()
                                + " entries, the first at "
                                + found.getFirst()
                                        .occurredAt()
                                        .atZone(settings.zone())
                                        .toLocalTime()
                                        .withNano(0)
                                + " in " + settings.zone() + ").",
                        words.name(user),
                        found,
                        Duration.ofDays(1))));
    }

    private void accountsAndKeys(List<NewAlert> alerts) {
        windows.single(
                alerts,
                settings.of(ActivityRule.ADMIN_ROLE_GRANTED),
                e -> e.action().equals(AuditAction.USER_ADMIN_GRANTED.code()),
                e -> String.valueOf(e.target()),
                e -> words.who(e) + " gave " + words.person(e.target()) + " the admin role.");
        windows.single(
                alerts,
                settings.of(ActivityRule.SECOND_FACTOR_RESET),
                e -> e.action().equals(AuditAction.MFA_RESET.code()),
                e -> String.valueOf(e.target()),
                e -> words.who(e) + " reset the second factor (authenticator app and passkeys) of "
                        + words.person(e.target()) + ".");
        windows.single(
                alerts,
                settings.of(ActivityRule.OPERATOR_ACTION),
                e -> e.actorType().equals("OPERATOR"),
                e -> "operator:" + e.action(),
                e -> "The installation's operator did this here: " + EntryWords.describe(e.action()) + ".");
        windows.single(
                alerts,
                settings.of(ActivityRule.KEY_OPERATION),
                e -> keyOperation(e.action()),
                e -> e.action() + " " + e.target(),
                e -> "Encryption keys: " + EntryWords.describe(e.action()) + " (by " + words.who(e) + ").");
    }
}
