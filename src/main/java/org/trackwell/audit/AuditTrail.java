package org.trackwell.audit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.trackwell.audit.internal.AuditRows;
import org.trackwell.audit.internal.StoredEvent;
import org.trackwell.shared.AfterCommit;
import org.trackwell.shared.CurrentTenant;
import org.trackwell.shared.Ids;
import org.trackwell.shared.TenantId;

/**
 * The one way to append to the audit trail. An entry joins the caller's transaction, so an
 * action and its record commit or roll back together. Targets name things by id or pseudonym
 * code, never by a name or other identifying detail. The database dates each entry as it is
 * written, not the application's clock, so that no writer can choose an entry's time
 * (V23__audit_time_order.sql).
 */
@Service
public class AuditTrail {

    /** The stream of operator and system events that belong to no tenant. */
    public static final TenantId OPERATOR_STREAM = new TenantId(new UUID(0, 0));

    private final AuditRows rows;
    private final Ids ids;
    private final MeterRegistry meters;

    AuditTrail(AuditRows rows, Ids ids, MeterRegistry meters) {
        this.rows = rows;
        this.ids = ids;
        this.meters = meters;
    }

    /** The current tenant's entries about one target (such as {@code client:ABC-DEF7}), newest first. */
    @Transactional(readOnly = true)
    public List<AuditEntry> about(String target, int limit) {
        return rows.search(new AuditRows.Filter(null, null, null, null, target, null), limit, 0).stream()
                .map(AuditEntry::of)
                .toList();
    }

    /**
     * The current stream's entries dated in [from, to), oldest first, at most {@code limit}: what the
     * suspicious-activity rules read.
     */
    @Transactional(readOnly = true)
    public List<AuditEntry> between(java.time.Instant from, java.time.Instant to, int limit) {
        return rows.between(from, to, limit).stream().map(AuditEntry::of).toList();
    }

    /** When the current tenant's trail last recorded {@code action}, if ever: for limits on how often. */
    @Transactional(readOnly = true)
    public Optional<Instant> lastRecorded(AuditAction action) {
        return rows.search(new AuditRows.Filter(null, null, action.code(), null, null, null), 1, 0).stream()
                .findFirst()
                .map(StoredEvent::occurredAt);
    }

    @Transactional(propagation = Propagation.REQUIRED)
    public void record(AuditAction action, @Nullable String target, Outcome outcome) {
        recordAs(AuditContext.actor(), action, target, outcome);
    }

    @Transactional(propagation = Propagation.REQUIRED)
    public void recordAs(Actor actor, AuditAction action, @Nullable String target, Outcome outcome) {
        append(actor, action, target, outcome);
    }

    /** For refusals: recorded in a transaction of its own, so it stays when the request's rolls back. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordSeparately(Actor actor, AuditAction action, @Nullable String target, Outcome outcome) {
        append(actor, action, target, outcome);
    }

    /**
     * Records one {@link AuditAction#SETTING_CHANGED} entry for each setting whose value differs,
     * as {@code <area>.<setting>:<old>-><new>}. Values are short words or numbers, never free text
     * (a long text such as the terms of use is named by its version).
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public void recordSettingChanges(String area, Map<String, String> before, Map<String, String> after) {
        after.forEach((setting, value) -> {
            String old = before.getOrDefault(setting, "");
            if (!old.equals(value)) {
                record(AuditAction.SETTING_CHANGED, area + "." + setting + ":" + old + "->" + value, Outcome.SUCCESS);
            }
        });
    }

    private void append(Actor actor, AuditAction action, @Nullable String target, Outcome outcome) {
        if (!action.names(target)) {
            throw new IllegalArgumentException(action + " does not name " + target);
        }
        AuditContext.Origin origin = AuditContext.origin();
        TenantId stream = CurrentTenant.get().orElse(OPERATOR_STREAM);
        rows.insert(new AuditRows.NewEvent(
                stream.value(),
                ids.next(),
                actor.type().name(),
                actor.id(),
                actor.role(),
                action.code(),
                target,
                outcome.name(),
                origin.address(),
                origin.userAgent(),
                origin.requestId()));
        AuditContext.markRecorded();
        AfterCommit.increment(written(action, outcome));
    }

    /** Entries written, by action code and outcome: both from fixed lists, never a target or a name. */
    private Counter written(AuditAction action, Outcome outcome) {
        return Counter.builder("trackwell.audit.entries")
                .description("Audit entries written (committed), by action and outcome")
                .tag("action", action.code())
                .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                .register(meters);
    }
}
