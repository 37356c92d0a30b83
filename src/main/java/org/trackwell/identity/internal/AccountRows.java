package org.trackwell.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.trackwell.identity.AccountStatus;
import org.trackwell.identity.Role;
import org.trackwell.identity.Team;
import org.trackwell.identity.User;
import org.trackwell.shared.TenantId;
import org.trackwell.shared.UserId;

@Repository
public class AccountRows {

    private final JdbcClient jdbc;

    AccountRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insertInvited(TenantId tenant, UserId user, String email, String displayName, Instant now) {
        jdbc.sql("""
                insert into user_account (tenant_id, id, email, display_name, status, created_at)
                values (:tenant, :id, :email, :name, 'INVITED', :now)""")
                .param("tenant", tenant.value())
                .param("id", user.value())
                .param("email", email)
                .param("name", displayName)
                .param("now", Timestamp.from(now))
                .update();
    }

    public boolean emailTaken(String email) {
        return jdbc.sql("select count(*) from user_account where email = :email")
                        .param("email", email)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** The e-mail addresses of the realm's active accounts. */
    public List<String> activeEmails() {
        return jdbc.sql("select email from user_account where status = 'ACTIVE' order by email")
                .query((row, n) -> row.getString(1))
                .list();
    }

    public Optional<StoredAccount> findByEmail(String email) {
        return jdbc.sql("select * from user_account where email = :email")
                .param("email", email)
                .query(AccountRows::stored)
                .optional();
    }

    public Optional<StoredAccount> findById(UserId user) {
        return jdbc.sql("select * from user_account where id = :id")
                .param("id", user.value())
                .query(AccountRows::stored)
                .optional();
    }

    public List<User> all() {
        return jdbc.sql("""
                select a.*,
                  (select string_agg(r.role, ',') from user_role r where r.user_id = a.id) as roles,
                  (select string_agg(t.id || ':' || t.name, '|' order by t.name) from team_member m
                     join team t on t.tenant_id = m.tenant_id and t.id = m.team_id
                     where m.user_id = a.id) as teams
                from user_account a order by a.display_name, a.email""").query(AccountRows::user).list();
    }

    public Optional<User> user(UserId id) {
        return all().stream().filter(user -> user.id().equals(id)).findFirst();
    }

    public void setRoles(TenantId tenant, UserId user, Set<Role> roles) {
        jdbc.sql("delete from user_role where user_id = :user")
                .param("user", user.value())
                .update();
        roles.forEach(role -> addRole(tenant, user, role));
    }

    public void addRole(TenantId tenant, UserId user, Role role) {
        jdbc.sql("insert into user_role (tenant_id, user_id, role) values (:tenant, :user, :role)")
                .param("tenant", tenant.value())
                .param("user", user.value())
                .param("role", role.name())
                .update();
    }

    /** Active accounts holding the tenant-admin role, other than {@code except}. */
    public long otherActiveAdmins(UserId except) {
        return jdbc.sql("""
                select count(*) from user_account a join user_role r on r.user_id = a.id
                where r.role = 'TENANT_ADMIN' and a.status = 'ACTIVE' and a.id <> :user""").param("user", except.value()).query(Long.class).single();
    }

    public void setStatus(UserId user, AccountStatus status) {
        jdbc.sql("update user_account set status = :status where id = :id")
                .param("status", status.name())
                .param("id", user.value())
                .update();
    }

    public void enabled(UserId user, Instant now) {
        jdbc.sql("update user_account set enabled_at = :now where id = :id")
                .param("now", Timestamp.from(now))
                .param("id", user.value())
                .update();
    }

    /**
     * Active accounts last used before {@code cutoff}: no session used, no password set and no
     * enabling by an admin since, nor created since. Tenant admins last, so that the job can keep
     * the last one.
     */
    public List<UserId> unusedSince(Instant cutoff) {
        return jdbc.sql("""
                select a.id from user_account a
                where a.status = 'ACTIVE'
                  and greatest(a.created_at, a.password_changed_at, a.enabled_at,
                        (select max(s.last_used_at) from user_session s where s.user_id = a.id)) < :cutoff
                order by exists (select 1 from user_role r where r.user_id = a.id and r.role = 'TENANT_ADMIN'),
                  a.created_at""")
                .param("cutoff", Timestamp.from(cutoff))
                .query((row, n) -> new UserId(row.getObject(1, UUID.class)))
                .list();
    }

    public void setPassword(UserId user, String hash, Instant now) {
        jdbc.sql("""
                update user_account set password_hash = :hash, password_changed_at = :now,
                  status = case when status = 'INVITED' then 'ACTIVE' else status end
                where id = :id""")
                .param("hash", hash)
                .param("now", Timestamp.from(now))
                .param("id", user.value())
                .update();
    }

    public void rehash(UserId user, String hash) {
        jdbc.sql("update user_account set password_hash = :hash where id = :id")
                .param("hash", hash)
                .param("id", user.value())
                .update();
    }

    /** Counts one more consecutive failure and returns the new count and the locks so far. */
    /**
     * Counts an attempt at the account before its password or code is checked, as if it fails, if
     * it is still below the lock threshold: the row lock makes parallel attempts count one after
     * the other. Returns the failures so far, this one included, and the locks before.
     */
    public Optional<AttemptCount> admitAttempt(UserId user, int threshold) {
        return jdbc.sql("""
                update user_account set failed_attempts = failed_attempts + 1
                where id = :id and failed_attempts < :threshold
                returning failed_attempts, lock_count""")
                .param("id", user.value())
                .param("threshold", threshold)
                .query((row, n) -> new AttemptCount(row.getInt(1), row.getInt(2)))
                .optional();
    }

    /** The failures counted on an account, the admitted attempt included, and how often it was locked before. */
    public record AttemptCount(int failures, int locks) {}

    /** Takes back an admitted attempt that did not fail. */
    public void withdrawAttempt(UserId user) {
        jdbc.sql("update user_account set failed_attempts = greatest(failed_attempts - 1, 0) where id = :id")
                .param("id", user.value())
                .update();
    }

    public void lock(UserId user, Instant until) {
        jdbc.sql("""
                update user_account set locked_until = :until, lock_count = lock_count + 1, failed_attempts = 0
                where id = :id""")
                .param("until", Timestamp.from(until))
                .param("id", user.value())
                .update();
    }

    public void clearFailures(UserId user) {
        jdbc.sql("update user_account set failed_attempts = 0, lock_count = 0 where id = :id and"
                        + " (failed_attempts <> 0 or lock_count <> 0)")
                .param("id", user.value())
                .update();
    }

    public void unlock(UserId user) {
        jdbc.sql("update user_account set locked_until = null, failed_attempts = 0, lock_count = 0 where id = :id")
                .param("id", user.value())
                .update();
    }

    private static StoredAccount stored(ResultSet row, int n) throws SQLException {
        return new StoredAccount(
                new UserId(row.getObject("id", UUID.class)),
                row.getString("email"),
                row.getString("display_name"),
                AccountStatus.valueOf(row.getString("status")),
                row.getString("password_hash"),
                row.getInt("failed_attempts"),
                row.getInt("lock_count"),
                instant(row.getTimestamp("locked_until")));
    }

    private static User user(ResultSet row, int n) throws SQLException {
        String roles = row.getString("roles");
        String teams = row.getString("teams");
        return new User(
                new UserId(row.getObject("id", UUID.class)),
                row.getString("email"),
                row.getString("display_name"),
                AccountStatus.valueOf(row.getString("status")),
                Joined.roles(roles),
                teams == null
                        ? List.of()
                        : Arrays.stream(teams.split("\\|"))
                                .map(pair -> new Team(UUID.fromString(pair.substring(0, 36)), pair.substring(37)))
                                .toList(),
                instant(row.getTimestamp("locked_until")));
    }

    static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
