package org.trackwell.database;

import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.trackwell.shared.CurrentTenant;
import org.trackwell.shared.TenantId;

/**
 * The one way to open a transaction outside a web request (operator commands, scheduled jobs, event
 * listeners): on behalf of a tenant, or outside every tenant. Inside a request the tenant is
 * already current and {@code @Transactional} does the same.
 */
@Component
public class TenantTransactions {

    private final TransactionTemplate joining;
    private final TransactionTemplate separate;

    TenantTransactions(PlatformTransactionManager transactionManager) {
        this.joining = new TransactionTemplate(transactionManager);
        this.separate = new TransactionTemplate(transactionManager);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * For installation-wide rows that belong to no tenant (installation secrets): a transaction with
     * no tenant set, in which row-level security shows no tenant's rows.
     */
    public void outsideTenants(Runnable work) {
        if (CurrentTenant.get().isPresent()) {
            throw new IllegalStateException("installation-wide work runs outside any tenant");
        }
        joining.executeWithoutResult(status -> work.run());
    }

    /**
     * Always a transaction of its own, as work after another transaction has committed needs (an
     * event listener's).
     */
    public <T> T inNewTransaction(TenantId tenant, Supplier<T> work) {
        try (CurrentTenant.Scope scope = CurrentTenant.enter(tenant)) {
            return separate.execute(status -> work.get());
        }
    }

    /**
     * Joins a transaction already open for the same tenant; for another tenant it opens a
     * transaction of its own, since the open one's tenant setting cannot change.
     */
    public <T> T inTenant(TenantId tenant, Supplier<T> work) {
        boolean otherTenantsTransaction = TransactionSynchronizationManager.isActualTransactionActive()
                && !CurrentTenant.get().map(tenant::equals).orElse(false);
        try (CurrentTenant.Scope scope = CurrentTenant.enter(tenant)) {
            return (otherTenantsTransaction ? separate : joining).execute(status -> work.get());
        }
    }
}
