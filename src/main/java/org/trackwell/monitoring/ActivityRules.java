package org.trackwell.monitoring;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trackwell.audit.AuditAction;
import org.trackwell.audit.AuditEntry;
import org.trackwell.audit.AuditTrail;
import org.trackwell.audit.Outcome;
import org.trackwell.database.TenantTransactions;
import org.trackwell.identity.Accounts;
import org.trackwell.identity.User;
import org.trackwell.monitoring.internal.ActivityRuleRows;
import org.trackwell.monitoring.internal.InstallationActivity;
import org.trackwell.monitoring.internal.SuspiciousActivity;
import org.trackwell.shared.ServiceTimeZone;
import org.trackwell.tenancy.Tenant;
import org.trackwell.tenancy.Tenants;

/**
 * The suspicious-activity rules (docs/monitoring.md): a tenant's admins tune them, and
 * {@link #evaluate} runs them over every stream's recent audit entries and raises what they find
 * through {@link Alerts#raise}, which keeps one alert per rule, subject and window.
 */
@Service
public class ActivityRules {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ActivityRules.class);

    /** The most entries of one stream the rules read at one evaluation. */
    static final int ENTRY_LIMIT = 50_000;

    private final ActivityRuleRows rows;
    private final AuditTrail trail;
    private final Alerts alerts;
    private final Tenants tenants;
    private final Accounts accounts;
    private final ServiceTimeZone zone;
    private final TenantTransactions transactions;
    private final MonitoringProperties properties;
    private final Clock clock;

    ActivityRules(
            ActivityRuleRows rows,
            AuditTrail trail,
            Alerts alerts,
            Tenants tenants,
            Accounts accounts,
            ServiceTimeZone zone,
            TenantTransactions transactions,
            MonitoringProperties properties,
            Clock clock) {
        this.rows = rows;
        this.trail = trail;
        this.alerts = alerts;
        this.tenants = tenants;
        this.accounts = accounts;
        this.zone = zone;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public ActivityRuleSettings settings() {
        return current();
    }

    /**
     * Changes the rules and working hours; each value changed is recorded with what it was and
     * what it is now.
     */
    @Transactional
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public ActivityRuleSettings change(List<ActivityRuleSetting> changed, WorkingHours hours) {
        ActivityRuleSettings before = current();
        List<ActivityRuleSetting> allChecked =
                changed.stream().map(ActivityRuleSetting::checked).toList();
        WorkingHours checkedHours = hours.checked();
        List<String> changes = new ArrayList<>();
        for (ActivityRuleSetting checked : allChecked) {
            ActivityRuleSetting setting = checked;
            ActivityRuleSetting old = before.of(setting.rule());
            String slug = setting.rule().slug();
            compare(changes, slug + ".enabled", old.enabled(), checked.enabled());
            compare(changes, slug + ".threshold", old.threshold(), checked.threshold());
            compare(changes, slug + ".window-minutes", old.windowMinutes(), checked.windowMinutes());
            if (!old.equals(checked)) {
                rows.save(checked);
            }
        }
        if (!checkedHours.equals(before.hours())) {
            changes.add("working-hours:" + before.hours().described() + "->" + checkedHours.described());
            rows.save(checkedHours);
        }
        if (!changes.isEmpty()) {
            trail.record(AuditAction.ACTIVITY_RULES_CHANGED, null, Outcome.SUCCESS);
            changes.forEach(change -> trail.record(AuditAction.ACTIVITY_RULE_CHANGED, change, Outcome.SUCCESS));
        }
        return current();
    }

    /**
     * Runs every rule over every stream's recent entries, as of the clock, and raises what they
     * find; returns the alerts that are new (an alert already raised for its rule, subject and
     * window is not raised again).
     */
    public List<Alert> evaluate() {
        Instant now = clock.instant();
        InstallationActivity installation = new InstallationActivity(properties, now);
        List<NewAlert> found = new ArrayList<>();
        for (Tenant tenant : tenants.list()) {
            found.addAll(transactions.inTenant(tenant.id(), () -> {
                ActivityRuleSettings settings = current();
                List<AuditEntry> entries =
                        trail.between(now.minus(lookback(settings)), now.plusSeconds(60), ENTRY_LIMIT);
                installation.add(tenant.slug(), false, entries);
                return new SuspiciousActivity(tenant.id(), settings, entries, names(), now).alerts();
            }));
        }
        Duration operatorLookback = properties.activityAddressWindow().compareTo(SuspiciousActivity.LOOKBACK) > 0
                ? properties.activityAddressWindow()
                : SuspiciousActivity.LOOKBACK;
        List<AuditEntry> operatorEntries = transactions.inTenant(
                AuditTrail.OPERATOR_STREAM,
                () -> trail.between(now.minus(operatorLookback), now.plusSeconds(60), ENTRY_LIMIT));
        installation.add("the operator stream", true, operatorEntries);
        found.addAll(installation.alerts());
        List<Alert> raised = new ArrayList<>();
        for (NewAlert alert : found) {
            alerts.raise(alert).ifPresent(raised::add);
        }
        return raised;
    }

    private ActivityRuleSettings current() {
        return new ActivityRuleSettings(rows.rules(), rows.hours().orElseGet(WorkingHours::defaults), zone.zone());
    }

    private Duration lookback(ActivityRuleSettings settings) {
        Duration longest = SuspiciousActivity.LOOKBACK;
        for (ActivityRuleSetting setting : settings.rules()) {
            if (setting.window().compareTo(longest) > 0) {
                longest = setting.window();
            }
        }
        Duration address = properties.activityAddressWindow();
        return address.compareTo(longest) > 0 ? address : longest;
    }

    private java.util.function.Function<String, String> names() {
        Map<String, String> names = new HashMap<>();
        for (User user : accounts.list()) {
            names.put(user.id().value().toString(), user.displayName());
        }
        return id -> names.getOrDefault(id, "an account not in this service");
    }

    private static void compare(
            List<String> changes,
            String name,
            @org.jspecify.annotations.Nullable Object old,
            @org.jspecify.annotations.Nullable Object now) {
        if (!Objects.equals(old, now)) {
            changes.add(
                    name + ":" + Optional.ofNullable(old).map(Object::toString).orElse("none") + "->"
                            + Optional.ofNullable(now).map(Object::toString).orElse("none"));
        }
    }
}
