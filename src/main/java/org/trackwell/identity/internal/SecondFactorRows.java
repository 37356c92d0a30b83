package org.trackwell.identity.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.trackwell.keys.EncryptedText;
import org.trackwell.shared.TenantId;
import org.trackwell.shared.UserId;

/** Authenticator-app secrets (sealed) and recovery codes (keyed hashes) of users. */
@Repository
public class SecondFactorRows {

    /** A user's authenticator secret, confirmed or still being set up. */
    public record StoredTotp(EncryptedText secret, @Nullable Instant confirmedAt, long lastUsedStep) {

        public boolean confirmed() {
            return confirmedAt != null;
        }
    }

    private final JdbcClient jdbc;

    SecondFactorRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<StoredTotp> totp(UserId user) {
        return jdbc.sql("select secret, confirmed_at, last_used_step from totp_factor where user_id = :user")
                .param("user", user.value())
                .query((row, n) -> new StoredTotp(
                        new EncryptedText(row.getBytes("secret")),
                        AccountRows.instant(row.getTimestamp("confirmed_at")),
                        row.getLong("last_used_step")))
                .optional();
    }

    /** Starts (or starts again) setting up an authenticator that is not yet confirmed. */
    public void savePending(TenantId tenant, UserId user, EncryptedText secret, Instant now) {
        jdbc.sql("""
                insert into totp_factor (tenant_id, user_id, secret, created_at) values (:tenant, :user, :secret, :now)
                on conflict (tenant_id, user_id) do update set secret = excluded.secret,
                  created_at = excluded.created_at, last_used_step = 0
                where totp_factor.confirmed_at is null""")
                .param("tenant", tenant.value())
                .param("user", user.value())
                .param("secret", secret.ciphertext())
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Every user's sealed secret in the current tenant, for key rotation. */
    public List<Map.Entry<UserId, EncryptedText>> secrets() {
        return jdbc.sql("select user_id, secret from totp_factor order by user_id")
                .query((row, n) -> Map.entry(
                        new UserId(row.getObject("user_id", java.util.UUID.class)),
                        new EncryptedText(row.getBytes("secret"))))
                .list();
    }

    public void replaceSecret(UserId user, EncryptedText secret) {
        jdbc.sql("update totp_factor set secret = :secret where user_id = :user")
                .param("secret", secret.ciphertext())
                .param("user", user.value())
                .update();
    }

    public void confirm(UserId user, long step, Instant now) {
        jdbc.sql("update totp_factor set confirmed_at = :now, last_used_step = :step where user_id = :user")
                .param("now", Timestamp.from(now))
                .param("step", step)
                .param("user", user.value())
                .update();
    }

    /** Uses up every step to {@code step}; false if a concurrent use got there first. */
    public boolean useStep(UserId user, long step) {
        return jdbc.sql(
                                "update totp_factor set last_used_step = :step where user_id = :user and last_used_step < :step")
                        .param("step", step)
                        .param("user", user.value())
                        .update()
                == 1;
    }

    public void replaceRecoveryCodes(TenantId tenant, UserId user, List<String> codeHashes) {
        jdbc.sql("delete from recovery_code where user_id = :user")
                .param("user", user.value())
                .update();
        codeHashes.forEach(hash -> jdbc.sql(
                        "insert into recovery_code (tenant_id, user_id, code_hash) values (:tenant, :user, :hash)")
                .param("tenant", tenant.value())
                .param("user", user.value())
                .param("hash", hash)
                .update());
    }

    /** Uses a recovery code once; false if it is not one of the user's unused codes. */
    public boolean useRecoveryCode(UserId user, String codeHash, Instant now) {
        return jdbc.sql("""
                        update recovery_code set used_at = :now
                        where user_id = :user and code_hash = :hash and used_at is null""")
                        .param("now", Timestamp.from(now))
                        .param("user", user.value())
                        .param("hash", codeHash)
                        .update()
                == 1;
    }

    public int unusedRecoveryCodes(UserId user) {
        return jdbc.sql("select count(*) from recovery_code where user_id = :user and used_at is null")
                .param("user", user.value())
                .query(Integer.class)
                .single();
    }

    public void removeAll(UserId user) {
        jdbc.sql("delete from recovery_code where user_id = :user")
                .param("user", user.value())
                .update();
        jdbc.sql("delete from totp_factor where user_id = :user")
                .param("user", user.value())
                .update();
    }
}
