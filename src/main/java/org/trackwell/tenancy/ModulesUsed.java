package org.trackwell.tenancy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.trackwell.audit.AuditTrail;
import org.trackwell.database.TenantTransactions;
import org.trackwell.shared.CurrentTenant;
import org.trackwell.shared.TenantId;
import org.trackwell.tenancy.internal.ModuleRows;

/**
 * Which optional modules the current tenant uses (every one, until its admin switches one off).
 * Pages, menus and the module gate ask on every request, so the answer is kept for a few seconds:
 * a change takes effect at once on the node that made it, and on other nodes within {@link #TTL}.
 */
@Service
public class ModulesUsed {

    static final Duration TTL = Duration.ofSeconds(5);

    private final ModuleRows rows;
    private final TenantTransactions transactions;
    private final AuditTrail trail;
    private final Cache<TenantId, Set<OptionalModule>> offByTenant =
            Caffeine.newBuilder().expireAfterWrite(TTL).maximumSize(10_000).build();

    ModulesUsed(ModuleRows rows, TenantTransactions transactions, AuditTrail trail) {
        this.rows = rows;
        this.transactions = transactions;
        this.trail = trail;
    }

    /** Whether the current tenant uses the module; outside any tenant there is nothing to switch off. */
    public boolean on(OptionalModule module) {
        return CurrentTenant.get().map(tenant -> !off(tenant).contains(module)).orElse(true);
    }

    public boolean outcomes() {
        return on(OptionalModule.OUTCOMES);
    }

    public boolean medication() {
        return on(OptionalModule.MEDICATION);
    }

    /** The modules the current tenant uses. */
    public Set<OptionalModule> used() {
        Set<OptionalModule> used = EnumSet.allOf(OptionalModule.class);
        used.removeAll(off(CurrentTenant.require()));
        return used;
    }

    /**
     * Switches the current tenant's modules on and off: on are those in {@code used}. Each module
     * that changes is recorded as a setting change; no data is touched. The kept answer is dropped
     * again once the change commits, so that nothing read before the commit outlives it.
     */
    @Transactional
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public void change(Set<OptionalModule> used) {
        TenantId tenant = CurrentTenant.require();
        Set<OptionalModule> before = used();
        Map<String, String> was = new LinkedHashMap<>();
        Map<String, String> now = new LinkedHashMap<>();
        for (OptionalModule module : OptionalModule.values()) {
            was.put(settingOf(module), String.valueOf(before.contains(module)));
            now.put(settingOf(module), String.valueOf(used.contains(module)));
            if (before.contains(module) != used.contains(module)) {
                rows.save(tenant, module, used.contains(module));
            }
        }
        trail.recordSettingChanges("modules-used", was, now);
        offByTenant.invalidate(tenant);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                offByTenant.invalidate(tenant);
            }
        });
    }

    private Set<OptionalModule> off(TenantId tenant) {
        return offByTenant.get(tenant, t -> Set.copyOf(transactions.inTenant(t, rows::off)));
    }

    private static String settingOf(OptionalModule module) {
        return module.name().toLowerCase(Locale.ROOT);
    }
}
