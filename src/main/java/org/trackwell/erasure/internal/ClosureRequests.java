package org.trackwell.erasure.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trackwell.audit.AuditAction;
import org.trackwell.audit.AuditTrail;
import org.trackwell.audit.Outcome;
import org.trackwell.database.TenantTransactions;
import org.trackwell.identity.SignedInUser;
import org.trackwell.shared.CurrentTenant;
import org.trackwell.tenancy.Tenant;
import org.trackwell.tenancy.TenantStatus;
import org.trackwell.tenancy.Tenants;

/**
 * A tenant admin asking for the service to be closed. Only after taking the whole-tenant archive
 * within the last {@link #ARCHIVE_FRESH}: once closed, nothing of the service can be had again, so
 * the archive is the service's only copy of its records. The tenant is read-only from the request
 * until an operator closes it, at the earliest after the notice period ({@code
 * trackwell.erasure.closure-notice}, 30 days unless set), in which its people can still read and
 * take a last archive.
 */
@Service
public class ClosureRequests {

    static final Duration ARCHIVE_FRESH = Duration.ofDays(1);
    private static final int REASON_LIMIT = 2_000;

    private final ClosureRows rows;
    private final Tenants tenants;
    private final AuditTrail trail;
    private final TenantTransactions transactions;
    private final Clock clock;
    private final Duration notice;

    ClosureRequests(
            ClosureRows rows,
            Tenants tenants,
            AuditTrail trail,
            TenantTransactions transactions,
            Clock clock,
            @Value("${trackwell.erasure.closure-notice:30d}") Duration notice) {
        this.rows = rows;
        this.tenants = tenants;
        this.trail = trail;
        this.transactions = transactions;
        this.clock = clock;
        this.notice = notice;
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public Optional<ClosureRequest> current() {
        return pending();
    }

    /** When the whole-tenant archive was last produced, if ever. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public Optional<Instant> lastArchive() {
        return trail.lastRecorded(AuditAction.TENANT_ARCHIVE_EXPORTED);
    }

    /**
     * The current tenant's request, for the operator's command, which has no tenant admin's role. A
     * request stands while the tenant is read-only (or closing): an operator who made it active
     * again (tenant resume) set it aside, and a new request replaces it.
     */
    @Transactional(readOnly = true)
    public Optional<ClosureRequest> pending() {
        boolean stands = tenants.byId(CurrentTenant.require())
                .map(tenant -> tenant.status() == TenantStatus.READ_ONLY || tenant.closed())
                .orElse(false);
        return stands ? rows.current() : Optional.empty();
    }

    public Duration notice() {
        return notice;
    }

    /** Checks the request before it is confirmed, so that a bad one is refused at once. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public void check(String reason) {
        if (reason.isBlank() || reason.strip().length() > REASON_LIMIT) {
            throw ClosureRefused.invalid("Give the reason for closing the service, in at most 2,000 characters.");
        }
        if (pending().isPresent()) {
            throw ClosureRefused.conflict("Closing this service has already been asked for.");
        }
        lastArchive()
                .filter(at -> !at.plus(ARCHIVE_FRESH).isBefore(clock.instant()))
                .orElseThrow(() -> ClosureRefused.conflict("Download the whole service's archive first (above), and"
                        + " check that it opens: once the service has closed, nothing of it can be had again."));
    }

    @Transactional
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public ClosureRequest request(SignedInUser user, String reason) {
        check(reason);
        Instant now = clock.instant();
        ClosureRequest request = new ClosureRequest(
                user.id().value(), now, reason.strip(), lastArchive().orElseThrow(), now.plus(notice));
        Tenant tenant = tenants.byId(CurrentTenant.require()).orElseThrow();
        rows.setAside();
        rows.insert(tenant.id(), request);
        tenants.makeReadOnly(tenant.slug());
        trail.record(AuditAction.TENANT_CLOSURE_REQUESTED, "tenant:" + tenant.slug(), Outcome.SUCCESS);
        // The tenant's own stream goes when it closes; the installation's keeps the request.
        transactions.inTenant(AuditTrail.OPERATOR_STREAM, () -> {
            trail.record(AuditAction.TENANT_CLOSURE_REQUESTED, "tenant:" + tenant.slug(), Outcome.SUCCESS);
            return true;
        });
        return request;
    }

    /**
     * The tenant admin keeping the service open after all, while the operator has not closed it:
     * the request is set aside and the service can be changed again at once.
     */
    @Transactional
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public void withdraw() {
        Tenant tenant = tenants.byId(CurrentTenant.require()).orElseThrow();
        if (tenant.status() != TenantStatus.READ_ONLY || rows.current().isEmpty()) {
            throw ClosureRefused.conflict("Closing this service has not been asked for, or it has closed already.");
        }
        rows.setAside();
        tenants.resume(tenant.slug());
        trail.record(AuditAction.TENANT_CLOSURE_WITHDRAWN, "tenant:" + tenant.slug(), Outcome.SUCCESS);
        transactions.inTenant(AuditTrail.OPERATOR_STREAM, () -> {
            trail.record(AuditAction.TENANT_CLOSURE_WITHDRAWN, "tenant:" + tenant.slug(), Outcome.SUCCESS);
            return true;
        });
    }
}
