package org.trackwell.tenancy.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.trackwell.shared.TenantId;
import org.trackwell.tenancy.Tenant;
import org.trackwell.tenancy.TenantStatus;

@Repository
public class TenantRows {

    private static final String COLUMNS = "t.id, t.slug, t.display_name, t.status, t.created_at";

    private final JdbcClient jdbc;

    TenantRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Tenant tenant) {
        jdbc.sql("""
                insert into tenant (id, slug, display_name, status, created_at)
                values (:id, :slug, :name, :status, :createdAt)""")
                .param("id", tenant.id().value())
                .param("slug", tenant.slug())
                .param("name", tenant.displayName())
                .param("status", tenant.status().name())
                .param("createdAt", java.sql.Timestamp.from(tenant.createdAt()))
                .update();
    }

    public void addHost(TenantId tenant, String host) {
        jdbc.sql("insert into tenant_host (host_name, tenant_id) values (:host, :tenant)")
                .param("host", host)
                .param("tenant", tenant.value())
                .update();
    }

    public List<Tenant> all() {
        return jdbc.sql("select " + COLUMNS + " from tenant t order by t.slug")
                .query(TenantRows::tenant)
                .list();
    }

    public List<Tenant> notClosed() {
        return jdbc.sql("select " + COLUMNS + " from tenant t where t.status <> 'CLOSED' order by t.slug")
                .query(TenantRows::tenant)
                .list();
    }

    public long count() {
        return jdbc.sql("select count(*) from tenant").query(Long.class).single();
    }

    public Optional<Tenant> findBySlug(String slug) {
        return jdbc.sql("select " + COLUMNS + " from tenant t where t.slug = :slug")
                .param("slug", slug)
                .query(TenantRows::tenant)
                .optional();
    }

    public Optional<Tenant> findById(TenantId id) {
        return jdbc.sql("select " + COLUMNS + " from tenant t where t.id = :id")
                .param("id", id.value())
                .query(TenantRows::tenant)
                .optional();
    }

    public Optional<Tenant> findByHost(String host) {
        return jdbc.sql("select " + COLUMNS + " from tenant t join tenant_host h on h.tenant_id = t.id"
                        + " where h.host_name = :host")
                .param("host", host)
                .query(TenantRows::tenant)
                .optional();
    }

    public void updateStatus(TenantId id, TenantStatus status) {
        jdbc.sql("update tenant set status = :status where id = :id")
                .param("status", status.name())
                .param("id", id.value())
                .update();
    }

    /** Marks the tenant closed; false if it already was. */
    public boolean close(TenantId id, java.time.Instant at) {
        return jdbc.sql("update tenant set status = 'CLOSED', closed_at = :at where id = :id and status <> 'CLOSED'")
                        .param("at", java.sql.Timestamp.from(at))
                        .param("id", id.value())
                        .update()
                > 0;
    }

    public void keepClosureCertificate(TenantId id, byte[] certificate) {
        jdbc.sql("update tenant set closure_certificate = :certificate where id = :id and status = 'CLOSED'")
                .param("certificate", certificate)
                .param("id", id.value())
                .update();
    }

    public Optional<byte[]> closureCertificate(TenantId id) {
        return jdbc.sql("select closure_certificate from tenant where id = :id and closure_certificate is not null")
                .param("id", id.value())
                .query((row, n) -> row.getBytes(1))
                .optional();
    }

    private static Tenant tenant(ResultSet row, int rowNumber) throws SQLException {
        return new Tenant(
                new TenantId(row.getObject("id", UUID.class)),
                row.getString("slug"),
                row.getString("display_name"),
                TenantStatus.valueOf(row.getString("status")),
                row.getTimestamp("created_at").toInstant());
    }
}
