package org.trackwell.tenancy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trackwell.audit.AuditAction;
import org.trackwell.audit.AuditTrail;
import org.trackwell.audit.Outcome;
import org.trackwell.shared.Ids;
import org.trackwell.shared.TenantId;
import org.trackwell.tenancy.internal.TenantRows;

/** The tenant list: the one table the operator manages directly. It holds no client data. */
@Service
public class Tenants {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?");

    private final TenantRows rows;
    private final TenancyProperties properties;
    private final Environment environment;
    private final Ids ids;
    private final Clock clock;
    private final AuditTrail trail;

    /**
     * Every request resolves its host, so a known host is kept for a few seconds (unknown ones are
     * not, so that a flood of made-up names fills nothing). A change made on this node takes effect
     * at once; on other nodes within {@link #HOST_CACHE_TTL}.
     */
    private final Cache<String, Tenant> byHost = Caffeine.newBuilder()
            .expireAfterWrite(HOST_CACHE_TTL)
            .maximumSize(10_000)
            .build();

    static final Duration HOST_CACHE_TTL = Duration.ofSeconds(5);

    Tenants(
            TenantRows rows,
            TenancyProperties properties,
            Environment environment,
            Ids ids,
            Clock clock,
            AuditTrail trail) {
        this.trail = trail;
        this.rows = rows;
        this.properties = properties;
        this.environment = environment;
        this.ids = ids;
        this.clock = clock;
    }

    @Transactional
    public Tenant create(String slug, String displayName) {
        String normalised = slug.trim().toLowerCase(Locale.ROOT);
        if (!SLUG.matcher(normalised).matches()) {
            throw new TenantSlugRejected(
                    "A tenant slug is 1 to 40 lower-case letters, digits and inner hyphens, as in a host name.");
        }
        if (displayName.isBlank() || displayName.length() > 200) {
            throw new TenantSlugRejected("A tenant needs a display name of 1 to 200 characters.");
        }
        if (rows.findBySlug(normalised).isPresent()) {
            throw new TenantSlugRejected("The slug " + normalised + " is already taken.");
        }
        Tenant tenant = new Tenant(
                new TenantId(ids.next()), normalised, displayName.strip(), TenantStatus.ACTIVE, clock.instant());
        rows.insert(tenant);
        rows.addHost(tenant.id(), normalised + "." + properties.baseDomain());
        trail.record(AuditAction.TENANT_CREATED, "tenant:" + normalised, Outcome.SUCCESS);
        byHost.invalidateAll();
        return tenant;
    }

    /** The tenants in service: every tenant but those closed, which hold nothing any more. */
    public List<Tenant> list() {
        return rows.notClosed();
    }

    /** Every tenant, closed ones too: for the operator's list. */
    public List<Tenant> listWithClosed() {
        return rows.all();
    }

    /**
     * The installation's stream (the operators', under the nil id) and every tenant's: for work done
     * in each in turn, such as sending what is due or sealing secrets again.
     */
    public List<TenantId> streams() {
        return java.util.stream.Stream.concat(
                        java.util.stream.Stream.of(AuditTrail.OPERATOR_STREAM),
                        list().stream().map(Tenant::id))
                .toList();
    }

    public boolean any() {
        return rows.count() > 0;
    }

    public Tenant bySlug(String slug) {
        return rows.findBySlug(slug.toLowerCase(Locale.ROOT)).orElseThrow(() -> new TenantNotFound(slug));
    }

    public Optional<Tenant> byId(TenantId id) {
        return rows.findById(id);
    }

    /** The tenant served at {@code host} (a Host header, port stripped), if any. */
    public Optional<Tenant> byHost(String host) {
        String key = host.toLowerCase(Locale.ROOT);
        Tenant cached = byHost.getIfPresent(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Tenant> found = rows.findByHost(key);
        found.ifPresent(tenant -> byHost.put(key, tenant));
        return found;
    }

    public boolean isOperatorHost(String host) {
        return properties.baseDomain().equalsIgnoreCase(host);
    }

    @Transactional
    public Tenant suspend(String slug) {
        return changeStatus(slug, TenantStatus.SUSPENDED);
    }

    /** Keeps a tenant read-only, for a notice period before it closes. */
    @Transactional
    public Tenant makeReadOnly(String slug) {
        return changeStatus(slug, TenantStatus.READ_ONLY);
    }

    @Transactional
    public Tenant resume(String slug) {
        return changeStatus(slug, TenantStatus.ACTIVE);
    }

    /**
     * Marks a tenant closed, for good: nothing changes its status again, and its address says it has
     * closed. Recorded in the installation's stream, which outlives the tenant's own.
     */
    @Transactional
    public Tenant close(TenantId id) {
        Tenant tenant = byId(id).orElseThrow(() -> new TenantNotFound(id.toString()));
        rows.close(id, clock.instant());
        trail.record(AuditAction.TENANT_CLOSED, "tenant:" + tenant.slug(), Outcome.SUCCESS);
        byHost.invalidateAll();
        return new Tenant(tenant.id(), tenant.slug(), tenant.displayName(), TenantStatus.CLOSED, tenant.createdAt());
    }

    @Transactional
    public void keepClosureCertificate(TenantId id, byte[] certificate) {
        rows.keepClosureCertificate(id, certificate);
    }

    /** The signed certificate of a closed tenant's closure, once written. */
    public Optional<byte[]> closureCertificate(TenantId id) {
        return rows.closureCertificate(id);
    }

    /** The address users of this tenant open, e.g. {@code https://demo.localhost:8443}. */
    public String baseUrl(Tenant tenant) {
        int port = properties.publicPort() != null ? properties.publicPort() : serverPort();
        String host = tenant.slug() + "." + properties.baseDomain();
        return port == 443 ? "https://" + host : "https://" + host + ":" + port;
    }

    private int serverPort() {
        String local = environment.getProperty("local.server.port");
        return Integer.parseInt(local != null ? local : environment.getProperty("server.port", "8443"));
    }

    private Tenant changeStatus(String slug, TenantStatus status) {
        Tenant tenant = bySlug(slug);
        if (tenant.closed()) {
            throw new TenantClosed(tenant.slug());
        }
        rows.updateStatus(tenant.id(), status);
        trail.record(
                switch (status) {
                    case ACTIVE -> AuditAction.TENANT_RESUMED;
                    case READ_ONLY -> AuditAction.TENANT_MADE_READ_ONLY;
                    case SUSPENDED -> AuditAction.TENANT_SUSPENDED;
                    case CLOSED -> throw new IllegalArgumentException("a tenant closes only through close");
                },
                "tenant:" + tenant.slug(),
                Outcome.SUCCESS);
        byHost.invalidateAll();
        return new Tenant(tenant.id(), tenant.slug(), tenant.displayName(), status, tenant.createdAt());
    }
}
