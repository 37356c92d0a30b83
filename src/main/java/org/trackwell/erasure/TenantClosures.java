package org.trackwell.erasure;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.trackwell.audit.AuditAction;
import org.trackwell.audit.AuditTrail;
import org.trackwell.audit.ClosingStreams;
import org.trackwell.audit.Outcome;
import org.trackwell.database.TenantTransactions;
import org.trackwell.erasure.internal.ClosureCertificates;
import org.trackwell.erasure.internal.ClosureProgress;
import org.trackwell.erasure.internal.ClosureRefused;
import org.trackwell.erasure.internal.ClosureRequest;
import org.trackwell.erasure.internal.ClosureRequests;
import org.trackwell.erasure.internal.ClosureRows;
import org.trackwell.identity.Accounts;
import org.trackwell.identity.User;
import org.trackwell.keys.FieldEncryption;
import org.trackwell.keys.KeyDestroyed;
import org.trackwell.shared.ServiceTimeZone;
import org.trackwell.tenancy.Tenant;
import org.trackwell.tenancy.Tenants;

/**
 * The operator's half of closing a tenant (the second confirmation): after a tenant admin asked
 * for it and the notice period has passed, the tenant is closed for good, its keys destroyed, every
 * row of it removed and its own audit stream removed once sealed and signed to its head; what
 * remains is the installation's audit of the closure and the signed certificate (docs/data-protection.md).
 */
@Service
public class TenantClosures {

    private final Tenants tenants;
    private final ClosureRequests requests;
    private final ClosureRows rows;
    private final ClosureProgress progress;
    private final ClosureCertificates certificates;
    private final FieldEncryption encryption;
    private final ClosingStreams streams;
    private final Accounts accounts;
    private final ServiceTimeZone zone;
    private final TenantTransactions transactions;
    private final AuditTrail trail;
    private final Clock clock;

    TenantClosures(
            Tenants tenants,
            ClosureRequests requests,
            ClosureRows rows,
            ClosureProgress progress,
            ClosureCertificates certificates,
            FieldEncryption encryption,
            ClosingStreams streams,
            Accounts accounts,
            ServiceTimeZone zone,
            TenantTransactions transactions,
            AuditTrail trail,
            Clock clock) {
        this.tenants = tenants;
        this.requests = requests;
        this.rows = rows;
        this.progress = progress;
        this.certificates = certificates;
        this.encryption = encryption;
        this.streams = streams;
        this.accounts = accounts;
        this.zone = zone;
        this.transactions = transactions;
        this.trail = trail;
        this.clock = clock;
    }

    /**
     * Closes the tenant and returns its signed certificate, which is also kept with the tenant. A
     * closure that stopped part-way (the erasure ledger out of reach, say) is carried on by running
     * it again, even after the tenant's rows have gone: each step's result is kept as it is done
     * (ClosureProgress), and every step can be done twice.
     */
    public byte[] close(String slug) {
        Tenant tenant = tenants.bySlug(slug);
        if (tenant.closed() && tenants.closureCertificate(tenant.id()).isPresent()) {
            throw ClosureRefused.conflict("The tenant " + tenant.slug() + " is closed already.");
        }
        ClosureProgress.Started started = tenant.closed()
                ? progress.started(tenant.id())
                        .orElseGet(
                                () -> progress.start(tenant.id(), asked(tenant).started()))
                : progress.start(tenant.id(), asked(tenant).afterNotice(tenant));
        Tenant closed = tenant.closed() ? tenant : tenants.close(tenant.id());
        transactions.inTenant(tenant.id(), () -> {
            encryption.destroyKeysOfClosingTenant(tenant.id());
            return true;
        });
        ClosingStreams.LastCheckpoint last = progress.lastCheckpoint(tenant.id(), () -> streams.signHead(tenant.id()));
        Map<String, Long> removed = progress.removeRows(tenant.id());
        long entries = progress.auditEntriesRemoved(tenant.id(), () -> streams.remove(tenant.id()));
        byte[] certificate = certificates.of(new ClosureCertificates.Closure(closed, started, removed, last, entries));
        tenants.keepClosureCertificate(tenant.id(), certificate);
        trail.record(
                AuditAction.TENANT_CLOSURE_CERTIFIED,
                "tenant:" + tenant.slug() + " rows="
                        + removed.values().stream().mapToLong(Long::longValue).sum() + " audit-entries=" + entries
                        + " last-checkpoint=" + last.seq(),
                Outcome.SUCCESS);
        return certificate;
    }

    /** Who asked and when, and the end of the notice period, from the request while it is there. */
    private record Asked(ClosureProgress.Started started, Instant closeAfter) {

        ClosureProgress.Started afterNotice(Tenant tenant) {
            if (started.closedAt().isBefore(closeAfter)) {
                throw ClosureRefused.conflict("The tenant " + tenant.slug() + "'s notice period runs until "
                        + closeAfter + ": it can be closed after that.");
            }
            return started;
        }
    }

    /**
     * Closes again a tenant the erasure ledger says closed, after a restore by other tools (as
     * {@code backup restore} does itself); whether it was still open.
     */
    public boolean closeAgain(KeyDestroyed closure) {
        return closure.tenantClosed() && rows.closeAgain(closure.tenant(), closure.at());
    }

    /** The signed certificate of a closed tenant. */
    public byte[] certificate(String slug) {
        Tenant tenant = tenants.bySlug(slug);
        return tenants.closureCertificate(tenant.id())
                .orElseThrow(
                        () -> ClosureRefused.conflict("The tenant " + tenant.slug() + " has no closure certificate."));
    }

    private Asked asked(Tenant tenant) {
        return transactions.inTenant(tenant.id(), () -> {
            ClosureRequest request = requests.pending()
                    .orElseThrow(() -> ClosureRefused.conflict(
                            "No tenant admin has asked for this tenant to close, or it was made active again since:"
                                    + " they ask on Settings, Close this service."));
            String requestedBy = accounts.list().stream()
                    .filter(user -> user.id().value().equals(request.requestedBy()))
                    .map(User::displayName)
                    .findFirst()
                    .orElse("a former user");
            return new Asked(
                    new ClosureProgress.Started(
                            requestedBy,
                            request.requestedAt(),
                            request.archiveProducedAt(),
                            // As the database keeps it, so a rerun's certificate reads the same.
                            clock.instant().truncatedTo(ChronoUnit.MICROS),
                            zone.zone()),
                    request.closeAfter());
        });
    }
}
