package org.trackwell.identity.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.trackwell.shared.TenantId;
import org.trackwell.shared.UserId;

/** Users' passkeys and the one-time challenges of their ceremonies. */
@Repository
public class PasskeyRows {

    private final JdbcClient jdbc;

    PasskeyRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record StoredPasskey(
            UUID id,
            UserId user,
            byte[] credentialId,
            byte[] credential,
            long signCount,
            String name,
            Instant createdAt,
            @Nullable Instant lastUsedAt) {}

    /** Stores a passkey; false if that credential is already registered. */
    public boolean insert(TenantId tenant, StoredPasskey passkey) {
        return jdbc.sql("""
                        insert into passkey (tenant_id, id, user_id, credential_id, credential, sign_count, name, created_at)
                        values (:tenant, :id, :user, :credentialId, :credential, :count, :name, :now)
                        on conflict do nothing""")
                        .param("tenant", tenant.value())
                        .param("id", passkey.id())
                        .param("user", passkey.user().value())
                        .param("credentialId", passkey.credentialId())
                        .param("credential", passkey.credential())
                        .param("count", passkey.signCount())
                        .param("name", passkey.name())
                        .param("now", Timestamp.from(passkey.createdAt()))
                        .update()
                == 1;
    }

    public List<StoredPasskey> of(UserId user) {
        return jdbc.sql("select * from passkey where user_id = :user order by created_at")
                .param("user", user.value())
                .query((row, n) -> new StoredPasskey(
                        row.getObject("id", UUID.class),
                        new UserId(row.getObject("user_id", UUID.class)),
                        row.getBytes("credential_id"),
                        row.getBytes("credential"),
                        row.getLong("sign_count"),
                        row.getString("name"),
                        row.getTimestamp("created_at").toInstant(),
                        row.getTimestamp("last_used_at") == null
                                ? null
                                : row.getTimestamp("last_used_at").toInstant()))
                .list();
    }

    public boolean any(UserId user) {
        return jdbc.sql("select exists (select 1 from passkey where user_id = :user)")
                .param("user", user.value())
                .query(Boolean.class)
                .single();
    }

    public void used(UUID id, long signCount, Instant now) {
        jdbc.sql("update passkey set sign_count = :count, last_used_at = :now where id = :id")
                .param("count", signCount)
                .param("now", Timestamp.from(now))
                .param("id", id)
                .update();
    }

    public boolean remove(UserId user, UUID id) {
        return jdbc.sql("delete from passkey where user_id = :user and id = :id")
                        .param("user", user.value())
                        .param("id", id)
                        .update()
                == 1;
    }

    public void removeAll(UserId user) {
        jdbc.sql("delete from passkey where user_id = :user")
                .param("user", user.value())
                .update();
    }

    public void startCeremony(
            TenantId tenant, UUID id, UserId user, String purpose, byte[] challenge, Instant expiresAt) {
        jdbc.sql("""
                insert into passkey_ceremony (tenant_id, id, user_id, purpose, challenge, expires_at)
                values (:tenant, :id, :user, :purpose, :challenge, :expires)""")
                .param("tenant", tenant.value())
                .param("id", id)
                .param("user", user.value())
                .param("purpose", purpose)
                .param("challenge", challenge)
                .param("expires", Timestamp.from(expiresAt))
                .update();
    }

    /** Takes the ceremony's challenge, once: it is deleted whether or not it is still valid. */
    public Optional<byte[]> takeChallenge(UUID id, UserId user, String purpose, Instant now) {
        return jdbc.sql("""
                delete from passkey_ceremony where id = :id and user_id = :user and purpose = :purpose
                returning challenge, expires_at""")
                .param("id", id)
                .param("user", user.value())
                .param("purpose", purpose)
                .query((row, n) -> new Challenge(
                        row.getBytes("challenge"),
                        row.getTimestamp("expires_at").toInstant()))
                .optional()
                .filter(challenge -> challenge.expiresAt().isAfter(now))
                .map(Challenge::bytes);
    }

    private record Challenge(byte[] bytes, Instant expiresAt) {}
}
