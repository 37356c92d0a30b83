package org.trackwell.clients.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.trackwell.shared.TenantId;
import org.trackwell.shared.UserId;

/** The history of a client's details: who changed which fields and when, never the values. */
@Repository
public class DetailsChanges {

    /** One save that changed something: the fields as codes (REFERENCE, an identifier, a demographic). */
    public record Change(Instant at, UserId by, List<String> fields) {}

    private final JdbcClient jdbc;

    DetailsChanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(TenantId tenant, UUID id, UUID client, List<String> fields, UserId by, Instant at) {
        jdbc.sql("""
                insert into client_details_change (tenant_id, id, client_id, fields, changed_at, changed_by)
                values (:tenant, :id, :client, :fields, :at, :by)""")
                .param("tenant", tenant.value())
                .param("id", id)
                .param("client", client)
                .param("fields", String.join(",", fields))
                .param("at", Timestamp.from(at))
                .param("by", by.value())
                .update();
    }

    /** Newest first. */
    List<Change> of(UUID client) {
        return jdbc.sql("""
                select changed_at, changed_by, fields from client_details_change
                where client_id = :client order by changed_at desc""")
                .param("client", client)
                .query((row, n) -> new Change(
                        row.getTimestamp("changed_at").toInstant(),
                        new UserId(row.getObject("changed_by", UUID.class)),
                        Arrays.asList(row.getString("fields").split(","))))
                .list();
    }
}
