package org.trackwell.keys.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.trackwell.shared.TenantId;

/** Each client's data key, stored only wrapped by the tenant's key; gone for good once destroyed. */
@Repository
public class ClientKeyRows {

    /** A client's key row: the wrapped key, or none once it was destroyed. */
    public record Stored(byte @Nullable [] wrapped) {

        public boolean destroyed() {
            return wrapped == null;
        }
    }

    private final JdbcClient jdbc;

    public ClientKeyRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Stored> find(UUID client) {
        return jdbc.sql("select aead_keyset from client_data_key where client_id = :client")
                .param("client", client)
                .query((row, n) -> new Stored(row.getBytes(1)))
                .optional();
    }

    /** A client's wrapped key, as key rotation walks them in client order. */
    public record Wrapped(UUID client, byte[] wrapped) {}

    /** The next {@code limit} live client keys after {@code after}, in client order. */
    public List<Wrapped> after(UUID after, int limit) {
        return jdbc.sql("""
                select client_id, aead_keyset from client_data_key
                where client_id > :after and aead_keyset is not null order by client_id limit :limit""")
                .param("after", after)
                .param("limit", limit)
                .query((row, n) -> new Wrapped(row.getObject(1, UUID.class), row.getBytes(2)))
                .list();
    }

    public void rewrap(UUID client, byte[] wrapped) {
        jdbc.sql(
                        "update client_data_key set aead_keyset = :wrapped where client_id = :client and aead_keyset is not null")
                .param("wrapped", wrapped)
                .param("client", client)
                .update();
    }

    public void insertIfAbsent(TenantId tenant, UUID client, byte[] wrapped, Instant now) {
        jdbc.sql("""
                insert into client_data_key (tenant_id, client_id, aead_keyset, created_at)
                values (:tenant, :client, :wrapped, :now) on conflict (tenant_id, client_id) do nothing""")
                .param("tenant", tenant.value())
                .param("client", client)
                .param("wrapped", wrapped)
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Overwrites the wrapped key, or records a destroyed key if the client never had one. */
    public void destroy(TenantId tenant, UUID client, Instant now) {
        jdbc.sql("""
                insert into client_data_key (tenant_id, client_id, aead_keyset, created_at, destroyed_at)
                values (:tenant, :client, null, :now, :now)
                on conflict (tenant_id, client_id) do update set aead_keyset = null, destroyed_at = :now""")
                .param("tenant", tenant.value())
                .param("client", client)
                .param("now", Timestamp.from(now))
                .update();
    }

    /**
     * As {@link #destroy}, for a key that may already be destroyed, in a tenant that may not exist
     * (a restore to before it was made); returns 1 if a live key was destroyed or a destroyed one
     * recorded.
     */
    public int destroyAgain(TenantId tenant, UUID client, Instant at) {
        return jdbc.sql("""
                insert into client_data_key (tenant_id, client_id, aead_keyset, created_at, destroyed_at)
                select :tenant, :client, null, :at, :at where exists (select 1 from tenant where id = :tenant)
                on conflict (tenant_id, client_id) do update set aead_keyset = null, destroyed_at = :at
                where client_data_key.aead_keyset is not null""")
                .param("tenant", tenant.value())
                .param("client", client)
                .param("at", Timestamp.from(at))
                .update();
    }
}
