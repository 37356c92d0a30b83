package org.trackwell.identity.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.trackwell.identity.ClientInfo;
import org.trackwell.shared.Ids;
import org.trackwell.shared.TenantId;
import org.trackwell.shared.UserId;

/**
 * Sign-in events of a tenant, and failures by client address across all tenants. Never holds a
 * password or a token.
 */
@Repository
public class SignInRecords {

    public enum Kind {
        SIGNED_IN,
        FAILED,
        LOCKED,
        UNLOCKED,
        ADDRESS_BLOCKED,
        SIGNED_OUT,
        PASSWORD_SET,
        PASSWORD_CHANGED
    }

    private final JdbcClient jdbc;
    private final Ids ids;

    SignInRecords(JdbcClient jdbc, Ids ids) {
        this.jdbc = jdbc;
        this.ids = ids;
    }

    public void record(
            TenantId tenant, Kind kind, @Nullable UserId user, @Nullable String email, ClientInfo client, Instant at) {
        jdbc.sql("""
                insert into sign_in_event (tenant_id, id, occurred_at, kind, user_id, email, address, user_agent)
                values (:tenant, :id, :at, :kind, :user, :email, :address, :agent)""")
                .param("tenant", tenant.value())
                .param("id", ids.next())
                .param("at", Timestamp.from(at))
                .param("kind", kind.name())
                .param("user", user == null ? null : user.value())
                .param("email", email == null ? null : email.substring(0, Math.min(email.length(), 320)))
                .param("address", client.address())
                .param("agent", client.userAgent())
                .update();
    }

    public long count(TenantId tenant, Kind kind, UserId user) {
        return jdbc.sql("select count(*) from sign_in_event where kind = :kind and user_id = :user")
                .param("kind", kind.name())
                .param("user", user.value())
                .query(Long.class)
                .single();
    }

    public Optional<Instant> blockedUntil(String address, Instant now) {
        return jdbc.sql("select blocked_until from blocked_address where address = :address and blocked_until > :now")
                .param("address", address)
                .param("now", Timestamp.from(now))
                .query(Timestamp.class)
                .optional()
                .map(Timestamp::toInstant);
    }

    /** Records a failure from {@code address} and returns how many it has had since {@code since}. */
    public long addressFailure(String address, Instant now, Instant since) {
        jdbc.sql("insert into sign_in_failure_by_address (address, occurred_at) values (:address, :now)")
                .param("address", address)
                .param("now", Timestamp.from(now))
                .update();
        return jdbc.sql(
                        "select count(*) from sign_in_failure_by_address where address = :address and occurred_at > :since")
                .param("address", address)
                .param("since", Timestamp.from(since))
                .query(Long.class)
                .single();
    }

    public void block(String address, Instant until) {
        jdbc.sql("""
                insert into blocked_address (address, blocked_until) values (:address, :until)
                on conflict (address) do update set blocked_until = excluded.blocked_until""")
                .param("address", address)
                .param("until", Timestamp.from(until))
                .update();
    }

    /** Address failures older than the window are of no further use. */
    public void forgetFailuresBefore(Instant before) {
        jdbc.sql("delete from sign_in_failure_by_address where occurred_at < :before")
                .param("before", Timestamp.from(before))
                .update();
    }
}
