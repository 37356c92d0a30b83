package org.trackwell.identity.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.trackwell.shared.TenantId;
import org.trackwell.shared.UserId;

/** The current tenant's own versions of the terms of use, and its users' acceptances of them. */
@Repository
public class TenantTermsRows {

    /** A stored version; {@code publishedBy} is the admin who wrote it. */
    public record Version(int number, String text, Instant publishedAt, UserId publishedBy) {}

    private final JdbcClient jdbc;

    TenantTermsRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Version> latest() {
        return versions(1).stream().findFirst();
    }

    /** The newest {@code limit} versions, newest first. */
    public List<Version> versions(int limit) {
        return jdbc.sql("""
                select version, text, published_at, published_by from tenant_terms
                order by version desc limit :limit""")
                .param("limit", limit)
                .query((row, n) -> new Version(
                        row.getInt(1),
                        row.getString(2),
                        row.getTimestamp(3).toInstant(),
                        new UserId(row.getObject(4, java.util.UUID.class))))
                .list();
    }

    public void publish(TenantId tenant, Version version) {
        jdbc.sql("""
                insert into tenant_terms (tenant_id, version, text, published_at, published_by)
                values (:tenant, :version, :text, :at, :by)""")
                .param("tenant", tenant.value())
                .param("version", version.number())
                .param("text", version.text())
                .param("at", Timestamp.from(version.publishedAt()))
                .param("by", version.publishedBy().value())
                .update();
    }

    public void accept(TenantId tenant, UserId user, int version, Instant at) {
        jdbc.sql("""
                insert into tenant_terms_acceptance (tenant_id, user_id, version, accepted_at)
                values (:tenant, :user, :version, :at) on conflict do nothing""")
                .param("tenant", tenant.value())
                .param("user", user.value())
                .param("version", version)
                .param("at", Timestamp.from(at))
                .update();
    }

    public boolean accepted(UserId user, int version) {
        return jdbc.sql("select count(*) from tenant_terms_acceptance where user_id = :user and version = :version")
                        .param("user", user.value())
                        .param("version", version)
                        .query(Long.class)
                        .single()
                > 0;
    }
}
