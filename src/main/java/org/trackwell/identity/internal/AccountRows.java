package org.trackwell.identity.internal;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.trackwell.identity.Role;
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

    public void addRole(TenantId tenant, UserId user, Role role) {
        jdbc.sql("insert into user_role (tenant_id, user_id, role) values (:tenant, :user, :role)")
                .param("tenant", tenant.value())
                .param("user", user.value())
                .param("role", role.name())
                .update();
    }

    public void insertSetupToken(TenantId tenant, String tokenHash, UserId user, Instant expiresAt) {
        jdbc.sql("""
                insert into account_setup_token (tenant_id, token_hash, user_id, expires_at)
                values (:tenant, :hash, :user, :expiresAt)""")
                .param("tenant", tenant.value())
                .param("hash", tokenHash)
                .param("user", user.value())
                .param("expiresAt", Timestamp.from(expiresAt))
                .update();
    }
}
