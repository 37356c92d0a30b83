package org.trackwell.identity.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.trackwell.identity.TermsOfUse;
import org.trackwell.shared.TenantId;
import org.trackwell.shared.UserId;

@Repository
public class TermsRows {

    private final JdbcClient jdbc;

    TermsRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean published(String version) {
        return jdbc.sql("select count(*) from terms_of_use where version = :v")
                        .param("v", version)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public void publish(TermsOfUse terms) {
        jdbc.sql("insert into terms_of_use (version, text, published_at) values (:v, :t, :at)")
                .param("v", terms.version())
                .param("t", terms.text())
                .param("at", Timestamp.from(terms.publishedAt()))
                .update();
    }

    public Optional<TermsOfUse> current() {
        return jdbc.sql("select version, text, published_at from terms_of_use order by published_at desc limit 1")
                .query((row, n) -> new TermsOfUse(
                        row.getString(1), row.getString(2), row.getTimestamp(3).toInstant()))
                .optional();
    }

    public void accept(TenantId tenant, UserId user, String version, Instant at) {
        jdbc.sql("""
                insert into terms_acceptance (tenant_id, user_id, version, accepted_at)
                values (:tenant, :user, :version, :at) on conflict do nothing""")
                .param("tenant", tenant.value())
                .param("user", user.value())
                .param("version", version)
                .param("at", Timestamp.from(at))
                .update();
    }

    /** Whether {@code user} of the current tenant accepted the operator's {@code version}. */
    public boolean accepted(UserId user, String version) {
        return jdbc.sql("select count(*) from terms_acceptance where user_id = :user and version = :version")
                        .param("user", user.value())
                        .param("version", version)
                        .query(Long.class)
                        .single()
                > 0;
    }
}
