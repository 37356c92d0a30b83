package org.trackwell.identity.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.trackwell.shared.TenantId;
import org.trackwell.shared.UserId;

@Repository
public class SetupTokenRows {

    private final JdbcClient jdbc;

    SetupTokenRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(TenantId tenant, String tokenHash, UserId user, Instant expiresAt) {
        jdbc.sql("""
                insert into account_setup_token (tenant_id, token_hash, user_id, expires_at)
                values (:tenant, :hash, :user, :expiresAt)""")
                .param("tenant", tenant.value())
                .param("hash", tokenHash)
                .param("user", user.value())
                .param("expiresAt", Timestamp.from(expiresAt))
                .update();
    }

    /** Marks the token used, once, if it is unused and unexpired; returns whose it was. */
    public Optional<UserId> redeem(String tokenHash, Instant now) {
        return jdbc.sql("""
                update account_setup_token set used_at = :now
                where token_hash = :hash and used_at is null and expires_at > :now
                returning user_id""")
                .param("now", Timestamp.from(now))
                .param("hash", tokenHash)
                .query((row, n) -> new UserId(row.getObject(1, UUID.class)))
                .optional();
    }

    public boolean usable(String tokenHash, Instant now) {
        return jdbc.sql("""
                select count(*) from account_setup_token
                where token_hash = :hash and used_at is null and expires_at > :now""")
                        .param("now", Timestamp.from(now))
                        .param("hash", tokenHash)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Older unused links of a user stop working when a new one is issued. */
    public void expireUnused(UserId user, Instant now) {
        jdbc.sql("update account_setup_token set expires_at = :now where user_id = :user and used_at is null"
                        + " and expires_at > :now")
                .param("now", Timestamp.from(now))
                .param("user", user.value())
                .update();
    }
}
