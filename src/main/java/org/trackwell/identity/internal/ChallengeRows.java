package org.trackwell.identity.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.trackwell.shared.TenantId;
import org.trackwell.shared.UserId;

/** The second step of signing in: a challenge stored only as its hash, used once. */
@Repository
public class ChallengeRows {

    private final JdbcClient jdbc;

    ChallengeRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(TenantId tenant, String tokenHash, UserId user, Instant expiresAt) {
        jdbc.sql("""
                insert into sign_in_challenge (tenant_id, token_hash, user_id, expires_at)
                values (:tenant, :hash, :user, :expires)""")
                .param("tenant", tenant.value())
                .param("hash", tokenHash)
                .param("user", user.value())
                .param("expires", Timestamp.from(expiresAt))
                .update();
    }

    public Optional<UserId> open(String tokenHash, Instant now) {
        return jdbc.sql("""
                select user_id from sign_in_challenge
                where token_hash = :hash and used_at is null and expires_at > :now""")
                .param("hash", tokenHash)
                .param("now", Timestamp.from(now))
                .query((row, n) -> new UserId(row.getObject(1, UUID.class)))
                .optional();
    }

    /** Uses the challenge up; false if it was used (or expired) meanwhile. */
    public boolean use(String tokenHash, Instant now) {
        return jdbc.sql("""
                        update sign_in_challenge set used_at = :now
                        where token_hash = :hash and used_at is null and expires_at > :now""")
                        .param("hash", tokenHash)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }
}
