package org.trackwell.erasure.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.trackwell.shared.TenantId;

/**
 * The current tenant's closure request, and the removal of a closed tenant's rows, which only the
 * owner role may carry out (V120__tenant_closure.sql).
 */
@Repository
public class ClosureRows {

    private final JdbcClient jdbc;
    private final JdbcClient owner;

    ClosureRows(JdbcClient jdbc, @Qualifier("ownerDataSource") DataSource owner) {
        this.jdbc = jdbc;
        this.owner = JdbcClient.create(owner);
    }

    Optional<ClosureRequest> current() {
        return jdbc.sql("""
                        select requested_by, requested_at, reason, archive_produced_at, close_after
                        from tenant_closure_request""")
                .query((row, n) -> new ClosureRequest(
                        row.getObject(1, UUID.class),
                        row.getTimestamp(2).toInstant(),
                        row.getString(3),
                        row.getTimestamp(4).toInstant(),
                        row.getTimestamp(5).toInstant()))
                .optional();
    }

    void insert(TenantId tenant, ClosureRequest request) {
        jdbc.sql("""
                insert into tenant_closure_request
                    (tenant_id, requested_by, requested_at, reason, archive_produced_at, close_after)
                values (:tenant, :by, :at, :reason, :archive, :after)""")
                .param("tenant", tenant.value())
                .param("by", request.requestedBy())
                .param("at", Timestamp.from(request.requestedAt()))
                .param("reason", request.reason())
                .param("archive", Timestamp.from(request.archiveProducedAt()))
                .param("after", Timestamp.from(request.closeAfter()))
                .update();
    }

    /** Removes a request an operator set aside by making the tenant active again. */
    void setAside() {
        jdbc.sql("delete from tenant_closure_request").update();
    }

    /**
     * Closes again a tenant that the erasure ledger says closed, in a database restored by other
     * tools from before then; whether it was still open.
     */
    public boolean closeAgain(TenantId tenant, Instant closedAt) {
        return !owner.sql("select close_tenant_again(id, :at) from tenant where id = :tenant and closed_at is null")
                .param("tenant", tenant.value())
                .param("at", Timestamp.from(closedAt))
                .query()
                .listOfRows()
                .isEmpty();
    }
}
