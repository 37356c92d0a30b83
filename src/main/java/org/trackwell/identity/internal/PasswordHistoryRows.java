package org.trackwell.identity.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.trackwell.shared.TenantId;
import org.trackwell.shared.UserId;

@Repository
public class PasswordHistoryRows {

    private final JdbcClient jdbc;

    PasswordHistoryRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void add(TenantId tenant, UserId user, String hash, Instant at) {
        jdbc.sql("""
                insert into password_history (tenant_id, user_id, changed_at, password_hash)
                values (:tenant, :user, :at, :hash)""")
                .param("tenant", tenant.value())
                .param("user", user.value())
                .param("at", Timestamp.from(at))
                .param("hash", hash)
                .update();
    }

    public List<String> latest(UserId user, int count) {
        return jdbc.sql("select password_hash from password_history where user_id = :user"
                        + " order by changed_at desc limit :count")
                .param("user", user.value())
                .param("count", count)
                .query((row, n) -> row.getString(1))
                .list();
    }
}
