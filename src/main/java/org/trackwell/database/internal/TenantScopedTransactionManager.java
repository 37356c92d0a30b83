package org.trackwell.database.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionDefinition;
import org.trackwell.shared.CurrentTenant;
import org.trackwell.shared.TenantId;

/**
 * Every transaction starts by setting {@code app.tenant_id} for its own duration only
 * ({@code set_config(..., true)} is {@code SET LOCAL}), so the setting can never leak to the next
 * borrower of a pooled connection. With no current tenant it is set empty, and the row-level
 * security policies then match no tenant row. Transactions begun are counted
 * ({@code trackwell.database.transactions}).
 *
 * <p>Outermost transactions may hold all but a quarter of the pool (at least two connections) at
 * once. A transaction that records a refusal, or anything else that must outlast it, does so in a
 * transaction of its own on a second connection; if outermost transactions held every connection,
 * each would wait for a second one until the pool gave up on all of them, and a burst of refused
 * requests would answer 503 to everyone. The last quarter is kept for those inner transactions,
 * which never wait for a turn.
 */
class TenantScopedTransactionManager extends JdbcTransactionManager {

    private final Counter begun;
    private final Semaphore outermostTurns;
    private final long turnWaitMillis;
    private final ThreadLocal<Integer> depth = ThreadLocal.withInitial(() -> 0);

    TenantScopedTransactionManager(DataSource dataSource, MeterRegistry meters, int poolSize, long turnWaitMillis) {
        super(dataSource);
        this.begun = Counter.builder("trackwell.database.transactions")
                .description("Database transactions begun")
                .register(meters);
        this.outermostTurns = new Semaphore(outermostAtOnce(poolSize), true);
        this.turnWaitMillis = turnWaitMillis;
    }

    static int outermostAtOnce(int poolSize) {
        return Math.max(1, poolSize - Math.max(2, poolSize / 4));
    }

    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {
        int open = depth.get();
        if (open == 0) {
            awaitTurn();
        }
        depth.set(open + 1);
        try {
            super.doBegin(transaction, definition);
        } catch (RuntimeException | Error e) {
            ended();
            throw e;
        }
    }

    @Override
    protected void doCleanupAfterCompletion(Object transaction) {
        try {
            super.doCleanupAfterCompletion(transaction);
        } finally {
            ended();
        }
    }

    private void awaitTurn() {
        try {
            if (outermostTurns.tryAcquire(turnWaitMillis, TimeUnit.MILLISECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new CannotCreateTransactionException("every connection for transactions is in use");
    }

    private void ended() {
        int open = depth.get() - 1;
        if (open == 0) {
            depth.remove();
            outermostTurns.release();
        } else {
            depth.set(open);
        }
    }

    @Override
    protected void prepareTransactionalConnection(Connection connection, TransactionDefinition definition)
            throws SQLException {
        super.prepareTransactionalConnection(connection, definition);
        begun.increment();
        String tenant = CurrentTenant.get().map(TenantId::toString).orElse("");
        try (PreparedStatement statement = connection.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
            statement.setString(1, tenant);
            statement.execute();
        }
    }
}
