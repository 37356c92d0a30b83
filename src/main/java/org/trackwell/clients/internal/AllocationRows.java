package org.trackwell.clients.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.trackwell.shared.TenantId;
import org.trackwell.shared.UserId;

/** The SQL of which practitioners a client is allocated to. */
@Repository
public class AllocationRows {

    private final JdbcClient jdbc;

    AllocationRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<UserId> practitioners(UUID client) {
        return jdbc.sql("select user_id from client_allocation where client_id = :client order by allocated_at")
                .param("client", client)
                .query((row, n) -> new UserId(row.getObject(1, UUID.class)))
                .list();
    }

    public void allocate(TenantId tenant, UUID client, List<UserId> practitioners, Instant now) {
        jdbc.sql("delete from client_allocation where client_id = :client and not (user_id = any(:keep))")
                .param("client", client)
                .param("keep", practitioners.stream().map(UserId::value).toArray(UUID[]::new))
                .update();
        practitioners.forEach(user -> jdbc.sql("""
                        insert into client_allocation (tenant_id, client_id, user_id, allocated_at)
                        values (:tenant, :client, :user, :now) on conflict do nothing""")
                .param("tenant", tenant.value())
                .param("client", client)
                .param("user", user.value())
                .param("now", Timestamp.from(now))
                .update());
    }

    /** How many other clients with an open episode are allocated to {@code user}. */
    public long openCasesOf(UserId user, UUID exceptClient) {
        return jdbc.sql("""
                select count(distinct a.client_id) from client_allocation a
                join episode e on e.client_id = a.client_id and e.closed_on is null
                where a.user_id = :user and a.client_id <> :client""")
                .param("user", user.value())
                .param("client", exceptClient)
                .query(Long.class)
                .single();
    }
}
