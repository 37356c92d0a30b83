package org.trackwell.erasure.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trackwell.audit.Actor;
import org.trackwell.audit.AuditAction;
import org.trackwell.audit.AuditTrail;
import org.trackwell.audit.Outcome;
import org.trackwell.clients.ClientRef;
import org.trackwell.clients.Clients;
import org.trackwell.clients.IdentifyingTextGuard;
import org.trackwell.identity.SignedInUser;
import org.trackwell.keys.FieldAddress;
import org.trackwell.keys.FieldEncryption;
import org.trackwell.shared.CurrentTenant;
import org.trackwell.shared.Ids;
import org.trackwell.shared.TenantId;

/**
 * Erasure with four eyes: a tenant admin asks with a reason, a different one approves, and after
 * the grace period {@link #eraseDue} destroys the client's key. Until then either may cancel.
 */
@Service
public class ErasureRequests {

    public static final int DEFAULT_GRACE_DAYS = 7;

    /** Who filed a request that the retention job filed: nobody's account. */
    public static final UUID BY_RETENTION = new UUID(0, 0);

    private static final int REASON_LIMIT = 2_000;

    private final ErasureRows rows;
    private final Clients clients;
    private final IdentifyingTextGuard guard;
    private final FieldEncryption encryption;
    private final Certificates certificates;
    private final AuditTrail trail;
    private final Ids ids;
    private final Clock clock;

    ErasureRequests(
            ErasureRows rows,
            Clients clients,
            IdentifyingTextGuard guard,
            FieldEncryption encryption,
            Certificates certificates,
            AuditTrail trail,
            Ids ids,
            Clock clock) {
        this.rows = rows;
        this.clients = clients;
        this.guard = guard;
        this.encryption = encryption;
        this.certificates = certificates;
        this.trail = trail;
        this.ids = ids;
        this.clock = clock;
    }

    @Transactional
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public ErasureRequest request(SignedInUser user, String code, String reason, boolean acknowledgeIdentifying) {
        String why = reason.strip();
        if (why.isEmpty() || why.length() > REASON_LIMIT) {
            throw ErasureRefused.invalid("Give the reason for the erasure, in at most 2,000 characters.");
        }
        ClientRef client = clients.byCode(code.strip()).orElseThrow(ErasureRefused::noSuchClient);
        if (clients.erased(client).isPresent()) {
            throw ErasureRefused.conflict("This client's record is already erased.");
        }
        if (rows.openFor(client.id())) {
            throw ErasureRefused.conflict(
                    "An erasure of this client is already asked for: approve or cancel that one.");
        }
        guard.check(why, acknowledgeIdentifying, client.auditTarget());
        TenantId tenant = CurrentTenant.require();
        var id = ids.next();
        ErasureRequest request = new ErasureRequest(
                id,
                rows.nextNumber(),
                client.id(),
                client.code(),
                encryption.seal(
                        FieldAddress.ofClient(tenant, client.id(), "erasure_request", "reason", id.toString()), why),
                user.id().value(),
                clock.instant(),
                null,
                null,
                null,
                null,
                null,
                null);
        rows.insert(tenant, request);
        trail.record(AuditAction.ERASURE_REQUESTED, client.auditTarget(), Outcome.SUCCESS);
        return request;
    }

    /**
     * For the retention job, when the tenant turned automatic erasure on: files the request as
     * Trackwell itself ({@link #BY_RETENTION}), so that any tenant admin's approval is the second pair
     * of eyes. A client with an open request is left as it is.
     */
    @Transactional
    public void fileForRetention(ClientRef client, String reason) {
        if (rows.openFor(client.id())) {
            return;
        }
        TenantId tenant = CurrentTenant.require();
        var id = ids.next();
        rows.insert(
                tenant,
                new ErasureRequest(
                        id,
                        rows.nextNumber(),
                        client.id(),
                        client.code(),
                        encryption.seal(
                                FieldAddress.ofClient(tenant, client.id(), "erasure_request", "reason", id.toString()),
                                reason),
                        BY_RETENTION,
                        clock.instant(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null));
        trail.recordAs(Actor.system(), AuditAction.ERASURE_REQUESTED, client.auditTarget(), Outcome.SUCCESS);
    }

    /** A second tenant admin approves; the grace period starts now. Nobody approves their own request. */
    @Transactional
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public ErasureRequest approve(SignedInUser user, int number) {
        ErasureRequest request = find(number);
        if (request.stage() != ErasureRequest.Stage.AWAITING_APPROVAL) {
            throw ErasureRefused.conflict("This erasure request is not waiting for approval.");
        }
        if (request.requestedBy().equals(user.id().value())) {
            throw ErasureRefused.ownRequest();
        }
        Instant now = clock.instant();
        rows.approve(request.id(), user.id().value(), now, now.plus(Duration.ofDays(graceDays())));
        trail.record(AuditAction.ERASURE_APPROVED, request.auditTarget(), Outcome.SUCCESS);
        return find(number);
    }

    /** Any tenant admin may cancel a request until it is carried out; nothing of the record changes. */
    @Transactional
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public ErasureRequest cancel(SignedInUser user, int number) {
        ErasureRequest request = find(number);
        if (!request.open()) {
            throw ErasureRefused.conflict("This erasure request was already carried out or cancelled.");
        }
        rows.cancel(request.id(), user.id().value(), clock.instant());
        trail.record(AuditAction.ERASURE_CANCELLED, request.auditTarget(), Outcome.SUCCESS);
        return find(number);
    }

    @Transactional
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public List<ErasureRequest> list() {
        trail.record(AuditAction.ERASURE_REQUESTS_VIEWED, null, Outcome.SUCCESS);
        return rows.all();
    }

    @Transactional
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public byte[] certificate(int number) {
        ErasureRequest request = find(number);
        byte[] certificate = rows.certificate(number)
                .orElseThrow(
                        () -> ErasureRefused.conflict("This erasure is not carried out, so it has no certificate."));
        trail.record(AuditAction.ERASURE_CERTIFICATE_DOWNLOADED, request.auditTarget(), Outcome.SUCCESS);
        return certificate;
    }

    /**
     * Carries out, in the current tenant, every approved request whose grace period has ended:
     * the client's key is destroyed and the signed certificate kept. Returns how many.
     */
    @Transactional
    public int eraseDue() {
        List<ErasureRequest> due = rows.due(clock.instant());
        for (ErasureRequest request : due) {
            ClientRef client = clients.byId(request.clientId()).orElseThrow();
            clients.erase(client, request.number());
            Instant erasedAt = clients.erased(client).orElseThrow().at();
            rows.erased(request.id(), erasedAt, certificates.of(request, erasedAt));
            trail.record(AuditAction.ERASURE_CARRIED_OUT, request.auditTarget(), Outcome.SUCCESS);
        }
        return due.size();
    }

    private ErasureRequest find(int number) {
        return rows.find(number).orElseThrow(ErasureRefused::notFound);
    }

    @Transactional(readOnly = true)
    public int graceDays() {
        return rows.graceDays().orElse(DEFAULT_GRACE_DAYS);
    }

    @Transactional
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public void changeGraceDays(int days) {
        if (days < 1 || days > 90) {
            throw ErasureRefused.invalid("The grace period must be between 1 and 90 days.");
        }
        int before = graceDays();
        rows.saveGraceDays(CurrentTenant.require(), days);
        trail.recordSettingChanges(
                "erasure", Map.of("grace-days", String.valueOf(before)), Map.of("grace-days", String.valueOf(days)));
    }
}
