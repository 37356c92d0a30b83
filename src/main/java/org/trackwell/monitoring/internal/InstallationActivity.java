package org.trackwell.monitoring.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.trackwell.audit.AuditAction;
import org.trackwell.audit.AuditEntry;
import org.trackwell.monitoring.MonitoringProperties;
import org.trackwell.monitoring.NewAlert;

/**
 * The installation's rules, for the operators: failed sign-ins from one address across every
 * tenant, and what operators did (in the operator stream, and in tenants' streams). Collects the
 * entries each stream hands it, then says which alerts they raise.
 */
public final class InstallationActivity {

    public static final String ADDRESS_BURST = "activity:address-burst";
    public static final String OPERATOR_ACTION = "activity:operator-action";
    public static final String KEY_OPERATION = "activity:key-operation";

    private final MonitoringProperties properties;
    private final Instant now;
    private final Map<String, List<AuditEntry>> failuresByAddress = new LinkedHashMap<>();
    private final Map<String, Integer> tenantsByAddress = new LinkedHashMap<>();
    private final List<NewAlert> alerts = new ArrayList<>();

    public InstallationActivity(MonitoringProperties properties, Instant now) {
        this.properties = properties;
        this.now = now;
    }

    /** One stream's recent entries; {@code name} says which (a tenant's slug, or the operator stream). */
    public void add(String name, boolean operatorStream, List<AuditEntry> entries) {
        Instant from = now.minus(properties.activityAddressWindow());
        Map<String, List<AuditEntry>> failures = entries.stream()
                .filter(e -> !e.occurredAt().isBefore(from))
                .filter(e -> e.action().equals(AuditAction.SIGN_IN_FAILED.code()) && e.address() != null)
                .collect(Collectors.groupingBy(e -> String.valueOf(e.address())));
        failures.forEach((address, found) -> {
            failuresByAddress.computeIfAbsent(address, a -> new ArrayList<>()).addAll(found);
            tenantsByAddress.merge(address, 1, Integer::sum);
        });
        Instant lookback = now.minus(SuspiciousActivity.LOOKBACK);
        for (AuditEntry entry : entries) {
            if (entry.occurredAt().isBefore(lookback)) {
                continue;
            }
            boolean byOperator = entry.actorType().equals("OPERATOR");
            boolean onTenant = entry.target() != null && entry.target().startsWith("tenant:");
            if (byOperator && (!operatorStream || onTenant || SuspiciousActivity.keyOperation(entry.action()))) {
                alerts.add(operatorAlert(
                        OPERATOR_ACTION,
                        "operator:" + name + " " + entry.action(),
                        "An operator acted " + (operatorStream ? "on the installation" : "in tenant " + name) + ": "
                                + EntryWords.describe(entry.action())
                                + (entry.target() == null ? "" : " (" + entry.target() + ")") + ".",
                        entry,
                        operatorStream));
            } else if (operatorStream && entry.action().equals(AuditAction.SIGN_IN_ADDRESS_BLOCKED.code())) {
                alerts.add(operatorAlert(
                        ADDRESS_BURST,
                        "address:" + entry.address(),
                        "The address " + entry.address() + " was blocked after too many failed sign-ins on the"
                                + " operator's host.",
                        entry,
                        true));
            } else if (SuspiciousActivity.keyOperation(entry.action())) {
                alerts.add(operatorAlert(
                        KEY_OPERATION,
                        name + " " + entry.action() + " " + entry.target(),
                        "Encryption keys in " + name + ": " + EntryWords.describe(entry.action()) + ".",
                        entry,
                        operatorStream));
            }
        }
    }

    public List<NewAlert> alerts() {
        List<NewAlert> all = new ArrayList<>(alerts);
        failuresByAddress.forEach((address, found) -> {
            if (found.size() >= properties.activityAddressFailures()) {
                Instant last = found.stream()
                        .map(AuditEntry::occurredAt)
                        .max(Instant::compareTo)
                        .orElse(now);
                all.add(new NewAlert(
                        java.util.Optional.empty(),
                        ADDRESS_BURST,
                        "address:" + address,
                        found.size() + " failed sign-ins from the address " + address + " within "
                                + properties.activityAddressWindow().toMinutes() + " minutes, in "
                                + tenantsByAddress.getOrDefault(address, 0) + " tenant(s) or the operator's host.",
                        "the address " + address,
                        last,
                        List.of(),
                        properties.activityAddressWindow()));
            }
        });
        return all;
    }

    /** Entries of a tenant's stream are not the operators' to read: the alert names them only by count. */
    private NewAlert operatorAlert(String rule, String subject, String what, AuditEntry entry, boolean operatorStream) {
        return new NewAlert(
                java.util.Optional.empty(),
                rule,
                subject,
                what,
                entry.actorType().equals("OPERATOR") ? "an operator" : null,
                entry.occurredAt(),
                operatorStream ? List.of(entry.id()) : List.of(),
                Duration.ofHours(1));
    }
}
