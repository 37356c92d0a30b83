package org.trackwell.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.trackwell.identity.AccountStatus;
import org.trackwell.keys.EncryptedText;
import org.trackwell.shared.UserId;

/** Operator accounts, set-up links and sessions: outside every tenant. */
@Repository
public class OperatorRows {

    private final JdbcClient jdbc;

    OperatorRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean exists(String email) {
        return jdbc.sql("select count(*) from operator_account where email = :email")
                        .param("email", email)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public void insert(UserId id, String email, Instant now) {
        jdbc.sql("insert into operator_account (id, email, status, created_at) values (:id, :email, 'INVITED', :now)")
                .param("id", id.value())
                .param("email", email)
                .param("now", Timestamp.from(now))
                .update();
    }

    public Optional<StoredAccount> findByEmail(String email) {
        return jdbc.sql("select * from operator_account where email = :email")
                .param("email", email)
                .query(OperatorRows::stored)
                .optional();
    }

    private static StoredAccount stored(ResultSet row, int n) throws SQLException {
        return new StoredAccount(
                new UserId(row.getObject("id", UUID.class)),
                row.getString("email"),
                "Operator",
                AccountStatus.valueOf(row.getString("status")),
                row.getString("password_hash"),
                row.getInt("failed_attempts"),
                row.getInt("lock_count"),
                AccountRows.instant(row.getTimestamp("locked_until")));
    }

    public java.util.List<String> activeEmails() {
        return jdbc.sql("select email from operator_account where status = 'ACTIVE' order by email")
                .query((row, n) -> row.getString(1))
                .list();
    }

    public Optional<String> emailOf(UserId operator) {
        return jdbc.sql("select email from operator_account where id = :id")
                .param("id", operator.value())
                .query(String.class)
                .optional();
    }

    public void insertSetupToken(String tokenHash, UserId operator, Instant expiresAt) {
        jdbc.sql("insert into operator_setup_token (token_hash, operator_id, expires_at) values (:hash, :id, :expires)")
                .param("hash", tokenHash)
                .param("id", operator.value())
                .param("expires", Timestamp.from(expiresAt))
                .update();
    }

    public Optional<UserId> redeem(String tokenHash, Instant now) {
        return jdbc.sql("""
                update operator_setup_token set used_at = :now
                where token_hash = :hash and used_at is null and expires_at > :now returning operator_id""")
                .param("now", Timestamp.from(now))
                .param("hash", tokenHash)
                .query((row, n) -> new UserId(row.getObject(1, UUID.class)))
                .optional();
    }

    public void setPassword(UserId operator, String hash) {
        jdbc.sql("update operator_account set password_hash = :hash, status = 'ACTIVE' where id = :id")
                .param("hash", hash)
                .param("id", operator.value())
                .update();
    }

    public int[] countFailure(UserId operator) {
        return jdbc.sql("""
                update operator_account set failed_attempts = failed_attempts + 1 where id = :id
                returning failed_attempts, lock_count""")
                .param("id", operator.value())
                .query((row, n) -> new int[] {row.getInt(1), row.getInt(2)})
                .single();
    }

    public void lock(UserId operator, Instant until) {
        jdbc.sql("""
                update operator_account set locked_until = :until, lock_count = lock_count + 1, failed_attempts = 0
                where id = :id""")
                .param("until", Timestamp.from(until))
                .param("id", operator.value())
                .update();
    }

    public void clearFailures(UserId operator) {
        jdbc.sql("update operator_account set failed_attempts = 0, lock_count = 0 where id = :id"
                        + " and (failed_attempts <> 0 or lock_count <> 0)")
                .param("id", operator.value())
                .update();
    }

    public void openSession(String tokenHash, UserId operator, Instant now, Instant expiresAt) {
        jdbc.sql("""
                insert into operator_session (token_hash, operator_id, created_at, last_used_at, expires_at)
                values (:hash, :id, :now, :now, :expires)""")
                .param("hash", tokenHash)
                .param("id", operator.value())
                .param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(expiresAt))
                .update();
    }

    /** A live operator session: the operator, when it was last used, when it ends at the latest. */
    public record LiveOperatorSession(
            UserId operator, String email, Instant lastUsedAt, Instant expiresAt, boolean mustEnrolSecondFactor) {}

    public Optional<LiveOperatorSession> live(String tokenHash) {
        return jdbc.sql("""
                select s.operator_id, a.email, s.last_used_at, s.expires_at,
                  not exists (select 1 from operator_totp t where t.operator_id = s.operator_id
                              and t.confirmed_at is not null) as must_enrol
                from operator_session s join operator_account a on a.id = s.operator_id
                where s.token_hash = :hash and s.revoked_at is null and a.status = 'ACTIVE'""")
                .param("hash", tokenHash)
                .query((row, n) -> new LiveOperatorSession(
                        new UserId(row.getObject(1, UUID.class)),
                        row.getString(2),
                        row.getTimestamp(3).toInstant(),
                        row.getTimestamp(4).toInstant(),
                        row.getBoolean(5)))
                .optional();
    }

    /** An operator's authenticator: the sealed secret, whether confirmed, the last step used. */
    public record OperatorTotp(EncryptedText secret, boolean confirmed, long lastUsedStep) {}

    public Optional<OperatorTotp> totp(UserId operator) {
        return jdbc.sql("select secret, confirmed_at, last_used_step from operator_totp where operator_id = :id")
                .param("id", operator.value())
                .query((row, n) -> new OperatorTotp(
                        new EncryptedText(row.getBytes(1)), row.getTimestamp(2) != null, row.getLong(3)))
                .optional();
    }

    public void savePendingTotp(UserId operator, EncryptedText secret, Instant now) {
        jdbc.sql("""
                insert into operator_totp (operator_id, secret, created_at) values (:id, :secret, :now)
                on conflict (operator_id) do update set secret = excluded.secret, created_at = excluded.created_at,
                  last_used_step = 0
                where operator_totp.confirmed_at is null""")
                .param("id", operator.value())
                .param("secret", secret.ciphertext())
                .param("now", Timestamp.from(now))
                .update();
    }

    public void confirmTotp(UserId operator, long step, Instant now) {
        jdbc.sql("update operator_totp set confirmed_at = :now, last_used_step = :step where operator_id = :id")
                .param("now", Timestamp.from(now))
                .param("step", step)
                .param("id", operator.value())
                .update();
    }

    public boolean useStep(UserId operator, long step) {
        return jdbc.sql(
                                "update operator_totp set last_used_step = :step where operator_id = :id and last_used_step < :step")
                        .param("step", step)
                        .param("id", operator.value())
                        .update()
                == 1;
    }

    public List<Map.Entry<UserId, EncryptedText>> secrets() {
        return jdbc.sql("select operator_id, secret from operator_totp")
                .query((row, n) ->
                        Map.entry(new UserId(row.getObject(1, UUID.class)), new EncryptedText(row.getBytes(2))))
                .list();
    }

    public void replaceSecret(UserId operator, EncryptedText secret) {
        jdbc.sql("update operator_totp set secret = :secret where operator_id = :id")
                .param("secret", secret.ciphertext())
                .param("id", operator.value())
                .update();
    }

    /** Removes the operator's authenticator and ends their sessions. */
    public void removeTotp(UserId operator, Instant now) {
        jdbc.sql("delete from operator_totp where operator_id = :id")
                .param("id", operator.value())
                .update();
        jdbc.sql("update operator_session set revoked_at = :now where operator_id = :id and revoked_at is null")
                .param("now", Timestamp.from(now))
                .param("id", operator.value())
                .update();
    }

    public void insertChallenge(String tokenHash, UserId operator, Instant expiresAt) {
        jdbc.sql("insert into operator_challenge (token_hash, operator_id, expires_at) values (:hash, :id, :expires)")
                .param("hash", tokenHash)
                .param("id", operator.value())
                .param("expires", Timestamp.from(expiresAt))
                .update();
    }

    public Optional<UserId> openChallenge(String tokenHash, Instant now) {
        return jdbc.sql("select operator_id from operator_challenge where token_hash = :hash and used_at is null"
                        + " and expires_at > :now")
                .param("hash", tokenHash)
                .param("now", Timestamp.from(now))
                .query((row, n) -> new UserId(row.getObject(1, UUID.class)))
                .optional();
    }

    public boolean useChallenge(String tokenHash, Instant now) {
        return jdbc.sql("update operator_challenge set used_at = :now where token_hash = :hash and used_at is null"
                                + " and expires_at > :now")
                        .param("hash", tokenHash)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    public Optional<StoredAccount> findById(UserId operator) {
        return jdbc.sql("select * from operator_account where id = :id")
                .param("id", operator.value())
                .query(OperatorRows::stored)
                .optional();
    }

    public void touch(String tokenHash, Instant now) {
        jdbc.sql("update operator_session set last_used_at = :now where token_hash = :hash")
                .param("now", Timestamp.from(now))
                .param("hash", tokenHash)
                .update();
    }

    public void revoke(String tokenHash, Instant now) {
        jdbc.sql("update operator_session set revoked_at = :now where token_hash = :hash and revoked_at is null")
                .param("now", Timestamp.from(now))
                .param("hash", tokenHash)
                .update();
    }
}
