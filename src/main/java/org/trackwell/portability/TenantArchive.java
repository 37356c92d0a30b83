package org.trackwell.portability;

import java.io.OutputStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.trackwell.audit.AuditAction;
import org.trackwell.audit.AuditContext;
import org.trackwell.audit.AuditTrail;
import org.trackwell.audit.AuditTrailExport;
import org.trackwell.audit.Outcome;
import org.trackwell.database.TenantTransactions;
import org.trackwell.portability.internal.ArchiveFiles;
import org.trackwell.reports.ExportFinished;
import org.trackwell.shared.CurrentTenant;
import org.trackwell.shared.Ids;
import org.trackwell.shared.TenantId;
import org.trackwell.tenancy.Tenant;
import org.trackwell.tenancy.TenantNotFound;
import org.trackwell.tenancy.Tenants;

/**
 * The whole tenant as a versioned archive (docs/exports.md): every entity's rows as JSON lines,
 * client data opened, the audit trail with its checkpoints and the key that verifies them, a
 * manifest and a README, in a ZIP inside an OpenPGP message encrypted with {@code password}.
 * Streamed to {@code out} in one transaction, so the files agree with each other, and recorded in
 * the tenant's trail with the count of each file. Who may ask for it is the caller's to check: a
 * tenant admin's download, or the tenant's off-boarding.
 */
@Service
public class TenantArchive {

    private final TenantTransactions transactions;
    private final Tenants tenants;
    private final ArchiveFiles files;
    private final AuditTrailExport auditExport;
    private final AuditTrail trail;
    private final Clock clock;
    private final SecureRandom random;
    private final ApplicationEventPublisher events;
    private final Ids ids;

    TenantArchive(
            TenantTransactions transactions,
            Tenants tenants,
            ArchiveFiles files,
            AuditTrailExport auditExport,
            AuditTrail trail,
            Clock clock,
            SecureRandom random,
            ApplicationEventPublisher events,
            Ids ids) {
        this.events = events;
        this.ids = ids;
        this.transactions = transactions;
        this.tenants = tenants;
        this.files = files;
        this.auditExport = auditExport;
        this.trail = trail;
        this.clock = clock;
        this.random = random;
    }

    public ArchiveContents write(TenantId tenantId, String password, OutputStream out) {
        Tenant tenant = tenants.byId(tenantId).orElseThrow(() -> new TenantNotFound(tenantId.toString()));
        Instant at = clock.instant();
        try {
            return transactions.inTenant(tenantId, () -> written(tenant, password, out, at));
        } catch (RuntimeException broken) {
            // The archive's own transaction rolled back; part of it may have left all the same.
            try (CurrentTenant.Scope scope = CurrentTenant.enter(tenantId)) {
                trail.recordSeparately(
                        AuditContext.actor(),
                        AuditAction.TENANT_ARCHIVE_BROKEN,
                        "tenant:" + tenant.slug(),
                        Outcome.DENIED);
            }
            throw broken;
        }
    }

    private ArchiveContents written(Tenant tenant, String password, OutputStream out, Instant at) {
        Map<String, Long> lines = new LinkedHashMap<>();
        try (var archive = files.open(out, password, tenant, at, random)) {
            archive.readme();
            archive.data(lines);
            lines.put("audit/chain.jsonl", archive.text("audit/chain.jsonl", auditExport::writeChain));
            lines.put("audit/checkpoints.txt", archive.text("audit/checkpoints.txt", auditExport::writeCheckpoints));
            archive.text("audit/signing-key.pub", line -> {
                line.accept(auditExport.publicKey());
                return 1L;
            });
            archive.manifest(lines);
        }
        ArchiveContents contents = new ArchiveContents(at, lines);
        trail.record(
                AuditAction.TENANT_ARCHIVE_EXPORTED,
                "tenant:" + tenant.slug() + " " + contents.counts(),
                Outcome.SUCCESS);
        long total = lines.values().stream().mapToLong(Long::longValue).sum();
        events.publishEvent(new ExportFinished(tenant.id(), ids.next(), "tenant-archive", "zip.pgp", total, at));
        return contents;
    }
}
