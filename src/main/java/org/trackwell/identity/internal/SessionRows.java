package org.trackwell.identity.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.trackwell.identity.OpenSession;
import org.trackwell.identity.Role;
import org.trackwell.shared.TenantId;
import org.trackwell.shared.UserId;

@Repository
public class SessionRows {

    /** A live session joined with its active account, roles and teams, in one statement. */
    public record LiveSession(
            UserId user,
            String email,
            String displayName,
            Set<Role> roles,
            Set<UUID> teams,
            Instant lastUsedAt,
            Instant expiresAt,
            @Nullable Integer idleTimeoutSeconds,
            boolean termsAccepted,
            Instant verifiedAt,
            boolean mustEnrolSecondFactor) {}

    private final JdbcClient jdbc;

    SessionRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(TenantId tenant, String tokenHash, UserId user, Instant now, Instant expiresAt) {
        jdbc.sql("""
                insert into user_session (tenant_id, token_hash, user_id, created_at, last_used_at, expires_at,
                  verified_at)
                values (:tenant, :hash, :user, :now, :now, :expires, :now)""")
                .param("tenant", tenant.value())
                .param("hash", tokenHash)
                .param("user", user.value())
                .param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(expiresAt))
                .update();
    }

    /**
     * The session, if live; {@code defaultSecondFactorRoles} apply where the tenant has no policy of
     * its own, unless {@code everyoneMustEnrol} (the installation realm: operators). With
     * {@code defaultTerms}, a tenant without terms of its own has Trackwell's default terms (version
     * 1) for its users to accept.
     */
    public Optional<LiveSession> live(
            String tokenHash, Set<Role> defaultSecondFactorRoles, boolean everyoneMustEnrol, boolean defaultTerms) {
        return jdbc.sql("""
                select s.user_id, a.email, a.display_name, s.last_used_at, s.expires_at, s.verified_at,
                  (select string_agg(r.role, ',') from user_role r where r.user_id = s.user_id) as roles,
                  (select string_agg(m.team_id::text, ',') from team_member m where m.user_id = s.user_id) as teams,
                  (select p.idle_timeout_seconds from security_policy p) as idle,
                  coalesce((select exists (select 1 from terms_acceptance t where t.user_id = s.user_id
                      and t.version = c.version)
                    from terms_of_use c order by c.published_at desc limit 1), true)
                  and coalesce(
                    (select exists (select 1 from tenant_terms_acceptance t where t.user_id = s.user_id
                      and t.version = c.version)
                     from tenant_terms c order by c.version desc limit 1),
                    not :defaultTerms
                      or exists (select 1 from tenant_terms_acceptance t where t.user_id = s.user_id and t.version = 1))
                    as terms_accepted,
                  not exists (select 1 from totp_factor f where f.user_id = s.user_id and f.confirmed_at is not null)
                    and not exists (select 1 from passkey k where k.user_id = s.user_id)
                    and (:everyone or exists (select 1 from user_role r where r.user_id = s.user_id
                      and r.role = any(string_to_array(
                        coalesce((select p.second_factor_roles from security_policy p), :defaultRoles), ','))))
                    as must_enrol
                from user_session s join user_account a on a.tenant_id = s.tenant_id and a.id = s.user_id
                where s.token_hash = :hash and s.revoked_at is null and a.status = 'ACTIVE'""")
                .param("hash", tokenHash)
                .param("everyone", everyoneMustEnrol)
                .param("defaultTerms", defaultTerms)
                .param(
                        "defaultRoles",
                        String.join(
                                ",",
                                defaultSecondFactorRoles.stream()
                                        .map(Role::name)
                                        .toList()))
                .query((row, n) -> new LiveSession(
                        new UserId(row.getObject("user_id", UUID.class)),
                        row.getString("email"),
                        row.getString("display_name"),
                        Joined.roles(row.getString("roles")),
                        teams(row.getString("teams")),
                        row.getTimestamp("last_used_at").toInstant(),
                        row.getTimestamp("expires_at").toInstant(),
                        row.getObject("idle", Integer.class),
                        row.getBoolean("terms_accepted"),
                        row.getTimestamp("verified_at").toInstant(),
                        row.getBoolean("must_enrol")))
                .optional();
    }

    public void touch(String tokenHash, Instant now) {
        jdbc.sql("update user_session set last_used_at = :now where token_hash = :hash")
                .param("now", Timestamp.from(now))
                .param("hash", tokenHash)
                .update();
    }

    /** The session's user has just proved who they are again. */
    public void verified(String tokenHash, Instant now) {
        jdbc.sql("update user_session set verified_at = :now, last_used_at = :now where token_hash = :hash")
                .param("now", Timestamp.from(now))
                .param("hash", tokenHash)
                .update();
    }

    public void revoke(String tokenHash, Instant now) {
        jdbc.sql("update user_session set revoked_at = :now where token_hash = :hash and revoked_at is null")
                .param("now", Timestamp.from(now))
                .param("hash", tokenHash)
                .update();
    }

    /** Revokes every session of {@code user} except the one hashed as {@code keep} (may be empty). */
    public void revokeAllOf(UserId user, String keep, Instant now) {
        jdbc.sql("""
                update user_session set revoked_at = :now
                where user_id = :user and revoked_at is null and token_hash <> :keep""")
                .param("now", Timestamp.from(now))
                .param("user", user.value())
                .param("keep", keep)
                .update();
    }

    public List<OpenSession> openSessions(UserId user, Instant now) {
        return jdbc.sql("""
                select left(token_hash, 12) as key, created_at, last_used_at, expires_at from user_session
                where user_id = :user and revoked_at is null and expires_at > :now order by last_used_at desc""")
                .param("user", user.value())
                .param("now", Timestamp.from(now))
                .query((row, n) -> new OpenSession(
                        row.getString("key"),
                        row.getTimestamp("created_at").toInstant(),
                        row.getTimestamp("last_used_at").toInstant(),
                        row.getTimestamp("expires_at").toInstant()))
                .list();
    }

    private static Set<UUID> teams(String joined) {
        return joined == null
                ? Set.of()
                : Arrays.stream(joined.split(",")).map(UUID::fromString).collect(Collectors.toSet());
    }
}
