package org.trackwell.identity.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.trackwell.shared.TenantId;
import org.trackwell.shared.UserId;

/** One-time links by e-mail: account set-up and password reset, each usable only for its purpose. */
@Repository
public class SetupTokenRows {

    public enum Purpose {
        SETUP,
        RESET
    }

    private final JdbcClient jdbc;

    SetupTokenRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(
            TenantId tenant, String tokenHash, UserId user, Purpose purpose, Instant now, Instant expiresAt) {
        jdbc.sql("""
                insert into account_setup_token (tenant_id, token_hash, user_id, purpose, created_at, expires_at)
                values (:tenant, :hash, :user, :purpose, :now, :expiresAt)""")
                .param("tenant", tenant.value())
                .param("purpose", purpose.name())
                .param("now", Timestamp.from(now))
                .param("hash", tokenHash)
                .param("user", user.value())
                .param("expiresAt", Timestamp.from(expiresAt))
                .update();
    }

    /** Marks the token used, once, if it is unused and unexpired; returns whose it was. */
    public Optional<UserId> redeem(String tokenHash, Purpose purpose, Instant now) {
        return jdbc.sql("""
                update account_setup_token set used_at = :now
                where token_hash = :hash and purpose = :purpose and used_at is null and expires_at > :now
                returning user_id""")
                .param("now", Timestamp.from(now))
                .param("purpose", purpose.name())
                .param("hash", tokenHash)
                .query((row, n) -> new UserId(row.getObject(1, UUID.class)))
                .optional();
    }

    /** Whose the link is, if it is unused, unexpired and for {@code purpose}. */
    public Optional<UserId> holder(String tokenHash, Purpose purpose, Instant now) {
        return jdbc.sql("""
                select user_id from account_setup_token
                where token_hash = :hash and purpose = :purpose and used_at is null and expires_at > :now""")
                .param("now", Timestamp.from(now))
                .param("hash", tokenHash)
                .param("purpose", purpose.name())
                .query((row, n) -> new UserId(row.getObject(1, UUID.class)))
                .optional();
    }

    /** How many links for {@code purpose} were issued to {@code user} since {@code since}. */
    public long issuedSince(UserId user, Purpose purpose, Instant since) {
        return jdbc.sql("""
                select count(*) from account_setup_token
                where user_id = :user and purpose = :purpose and created_at > :since""")
                .param("user", user.value())
                .param("purpose", purpose.name())
                .param("since", Timestamp.from(since))
                .query(Long.class)
                .single();
    }

    /** Older unused links of a user stop working when a new one is issued. */
    public void expireUnused(UserId user, Purpose purpose, Instant now) {
        jdbc.sql("update account_setup_token set expires_at = :now where user_id = :user and used_at is null"
                        + " and expires_at > :now and purpose = :purpose")
                .param("now", Timestamp.from(now))
                .param("purpose", purpose.name())
                .param("user", user.value())
                .update();
    }
}
