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

    public TenantKeyRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Wrapped> find() {
        return jdbc.sql("select aead_keyset, mac_keyset from tenant_data_key where destroyed_at is null")
                .query((row, n) -> new Wrapped(row.getBytes(1), row.getBytes(2)))
                .optional();
    }

    /** Replaces the tenant's wrapped keys with the same keys wrapped again (master-key rotation). */
    public void rewrap(Wrapped wrapped) {
        jdbc.sql("update tenant_data_key set aead_keyset = :aead, mac_keyset = :mac")
                .param("aead", wrapped.aead())
                .param("mac", wrapped.mac())
                .update();
    }

    public boolean destroyed() {
        return jdbc.sql("select exists (select 1 from tenant_data_key where destroyed_at is not null)")
                .query(Boolean.class)
                .single();
    }

    /** Overwrites both wrapped keysets, or records destroyed keys if the tenant never had any. */
    public void destroy(TenantId tenant, Instant now) {
        jdbc.sql("""
                insert into tenant_data_key (tenant_id, aead_keyset, mac_keyset, created_at, destroyed_at)
                values (:tenant, null, null, :now, :now)
                on conflict (tenant_id) do update set aead_keyset = null, mac_keyset = null, destroyed_at = :now""")
                .param("tenant", tenant.value())
                .param("now", Timestamp.from(now))
                .update();
    }

    /** When the rotation in progress started, if one is. */
    public Optional<Instant> rotationStartedAt() {
        return jdbc.sql("select rotation_started_at from tenant_data_key where rotation_started_at is not null")
                .query(Timestamp.class)
                .optional()
                .map(Timestamp::toInstant);
    }

    /** Stores the field keyset with its new primary key and marks the rotation as started. */
    public void startRotation(byte[] aead, Instant now) {
        jdbc.sql("update tenant_data_key set aead_keyset = :aead, rotation_started_at = :now")
                .param("aead", aead)
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Stores the field keyset with the old keys destroyed and marks the rotation as finished. */
    public void finishRotation(byte[] aead) {
        jdbc.sql("update tenant_data_key set aead_keyset = :aead, rotation_started_at = null")
                .param("aead", aead)
                .update();
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

    /** As {@link #destroy}, for keys that may already be destroyed, of a tenant that may not exist. */
    public int destroyAgain(TenantId tenant, Instant at) {
        return jdbc.sql("""
                insert into tenant_data_key (tenant_id, aead_keyset, mac_keyset, created_at, destroyed_at)
                select :tenant, null, null, :at, :at where exists (select 1 from tenant where id = :tenant)
                on conflict (tenant_id) do update set aead_keyset = null, mac_keyset = null, destroyed_at = :at
                where tenant_data_key.destroyed_at is null""")
                .param("tenant", tenant.value())
                .param("at", Timestamp.from(at))
                .update();
    }
}
