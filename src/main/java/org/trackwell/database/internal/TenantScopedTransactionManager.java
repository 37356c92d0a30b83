package org.trackwell.database.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.trackwell.shared.CurrentTenant;
import org.trackwell.shared.TenantId;

/**
 * Every transaction starts by setting {@code app.tenant_id} for its own duration only
 * ({@code set_config(..., true)} is {@code SET LOCAL}), so the setting can never leak to the next
 * borrower of a pooled connection. With no current tenant it is set empty, and the row-level
 * security policies then match no tenant row. Transactions begun are counted
 * ({@code trackwell.database.transactions}), as a request should begin one.
 */
class TenantScopedTransactionManager extends JdbcTransactionManager {

    private final Counter begun;

    TenantScopedTransactionManager(DataSource dataSource, MeterRegistry meters) {
        super(dataSource);
        this.begun = Counter.builder("trackwell.database.transactions")
                .description("Database transactions begun")
                .register(meters);
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
