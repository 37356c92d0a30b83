package org.trackwell.help.internal;

import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.trackwell.shared.TenantId;
import org.trackwell.shared.UserId;

/**
 * The first-time tips each user has dismissed. Not audited: dismissing a tip changes only what the
 * user's own pages show, and holds nothing about a client, an account or a setting.
 */
@Repository
public class Tips {

    private final JdbcClient jdbc;
    private final Clock clock;

    Tips(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public boolean dismissed(UserId user, String tip) {
        return jdbc.sql("select exists (select 1 from help_tip_dismissed where user_id = :user and tip = :tip)")
                .param("user", user.value())
                .param("tip", tip)
                .query((row, n) -> row.getBoolean(1))
                .single();
    }

    @Transactional
    public void dismiss(TenantId tenant, UserId user, String tip) {
        jdbc.sql("""
                        insert into help_tip_dismissed (tenant_id, user_id, tip, dismissed_at)
                        values (:tenant, :user, :tip, :at)
                        on conflict do nothing""")
                .param("tenant", tenant.value())
                .param("user", user.value())
                .param("tip", tip)
                .param("at", Timestamp.from(clock.instant()))
                .update();
    }
}
