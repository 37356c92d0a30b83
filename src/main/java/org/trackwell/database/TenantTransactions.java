package org.trackwell.database;

import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.trackwell.shared.CurrentTenant;
import org.trackwell.shared.TenantId;

/**
 * Runs work in one transaction on behalf of a tenant, for callers outside a web request (operator
 * commands, scheduled jobs). Inside a request the tenant is already current and
 * {@code @Transactional} does the same.
 */
@Component
public class TenantTransactions {

    private final TransactionTemplate transactions;

    TenantTransactions(PlatformTransactionManager transactionManager) {
        this.transactions = new TransactionTemplate(transactionManager);
    }

    public <T> T inTenant(TenantId tenant, Supplier<T> work) {
        try (CurrentTenant.Scope scope = CurrentTenant.enter(tenant)) {
            return transactions.execute(status -> work.get());
        }
    }
}
