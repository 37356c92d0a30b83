package org.trackwell.keys.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.trackwell.shared.TenantId;

/** Each tenant's data keys, stored only wrapped by the master key. */
@Repository
public class TenantKeyRows {

    /** The wrapped keysets: one for sealing fields, one for blind indexes. */
    public record Wrapped(byte[] aead, byte[] mac) {}

    private final JdbcClient jdbc;

    TenantKeyRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Wrapped> find() {
        return jdbc.sql("select aead_keyset, mac_keyset from tenant_data_key")
                .query((row, n) -> new Wrapped(row.getBytes(1), row.getBytes(2)))
                .optional();
    }

    /** Stores the tenant's first keys unless another request stored them first. */
    public void insertIfAbsent(TenantId tenant, Wrapped wrapped, Instant now) {
        jdbc.sql("""
                insert into tenant_data_key (tenant_id, aead_keyset, mac_keyset, created_at)
                values (:tenant, :aead, :mac, :now) on conflict (tenant_id) do nothing""")
                .param("tenant", tenant.value())
                .param("aead", wrapped.aead())
                .param("mac", wrapped.mac())
                .param("now", Timestamp.from(now))
                .update();
    }
}
