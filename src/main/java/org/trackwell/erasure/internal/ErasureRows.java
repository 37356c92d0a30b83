package org.trackwell.erasure.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.trackwell.clients.PseudonymCode;
import org.trackwell.keys.EncryptedText;
import org.trackwell.shared.TenantId;

/** The tenant's erasure requests, their certificates, and its erasure settings. */
@Repository
class ErasureRows {

    private final JdbcClient jdbc;

    ErasureRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    int nextNumber() {
        return jdbc.sql("select coalesce(max(number), 0) + 1 from erasure_request")
                .query((row, n) -> row.getInt(1))
                .single();
    }

    void insert(TenantId tenant, ErasureRequest request) {
        jdbc.sql("""
                insert into erasure_request (tenant_id, id, number, client_id, client_code, reason, requested_by,
                  requested_at)
                values (:tenant, :id, :number, :client, :code, :reason, :by, :at)""")
                .param("tenant", tenant.value())
                .param("id", request.id())
                .param("number", request.number())
                .param("client", request.clientId())
                .param("code", request.client().value())
                .param("reason", request.reason().ciphertext())
                .param("by", request.requestedBy())
                .param("at", Timestamp.from(request.requestedAt()))
                .update();
    }

    boolean openFor(UUID client) {
        return jdbc.sql("""
                select exists (select 1 from erasure_request
                  where client_id = :client and cancelled_at is null and erased_at is null)""").param("client", client).query(Boolean.class).single();
    }

    Optional<ErasureRequest> find(int number) {
        return jdbc.sql("select * from erasure_request where number = :number")
                .param("number", number)
                .query(ErasureRows::request)
                .optional();
    }

    List<ErasureRequest> all() {
        return jdbc.sql("select * from erasure_request order by number desc")
                .query(ErasureRows::request)
                .list();
    }

    /**
     * Approved requests whose grace period has ended and which are not yet carried out, locked, so
     * that on several nodes each is carried out once.
     */
    List<ErasureRequest> due(Instant now) {
        return jdbc.sql("""
                select * from erasure_request
                where cancelled_at is null and erased_at is null and erase_after <= :now order by number
                for update skip locked""")
                .param("now", Timestamp.from(now))
                .query(ErasureRows::request)
                .list();
    }

    void approve(UUID id, UUID by, Instant at, Instant eraseAfter) {
        jdbc.sql("""
                update erasure_request set approved_by = :by, approved_at = :at, erase_after = :after
                where id = :id""")
                .param("id", id)
                .param("by", by)
                .param("at", Timestamp.from(at))
                .param("after", Timestamp.from(eraseAfter))
                .update();
    }

    void cancel(UUID id, UUID by, Instant at) {
        jdbc.sql("update erasure_request set cancelled_by = :by, cancelled_at = :at where id = :id")
                .param("id", id)
                .param("by", by)
                .param("at", Timestamp.from(at))
                .update();
    }

    void erased(UUID id, Instant at, byte[] certificate) {
        jdbc.sql("update erasure_request set erased_at = :at, certificate = :certificate where id = :id")
                .param("id", id)
                .param("at", Timestamp.from(at))
                .param("certificate", certificate)
                .update();
    }

    Optional<byte[]> certificate(int number) {
        return jdbc.sql("select certificate from erasure_request where number = :number and certificate is not null")
                .param("number", number)
                .query((row, n) -> row.getBytes(1))
                .optional();
    }

    Optional<Integer> graceDays() {
        return jdbc.sql("select grace_days from erasure_settings")
                .query((row, n) -> row.getInt(1))
                .optional();
    }

    void saveGraceDays(TenantId tenant, int days) {
        jdbc.sql("""
                insert into erasure_settings (tenant_id, grace_days) values (:tenant, :days)
                on conflict (tenant_id) do update set grace_days = excluded.grace_days""").param("tenant", tenant.value()).param("days", days).update();
    }

    private static ErasureRequest request(ResultSet row, int n) throws SQLException {
        return new ErasureRequest(
                row.getObject("id", UUID.class),
                row.getInt("number"),
                row.getObject("client_id", UUID.class),
                new PseudonymCode(row.getString("client_code")),
                new EncryptedText(row.getBytes("reason")),
                row.getObject("requested_by", UUID.class),
                row.getTimestamp("requested_at").toInstant(),
                row.getObject("approved_by", UUID.class),
                instant(row, "approved_at"),
                instant(row, "erase_after"),
                row.getObject("cancelled_by", UUID.class),
                instant(row, "cancelled_at"),
                instant(row, "erased_at"));
    }

    private static @Nullable Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
