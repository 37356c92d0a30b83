package org.trackwell.operator.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.trackwell.audit.AuditStatus;
import org.trackwell.audit.AuditTrail;
import org.trackwell.audit.StreamStatus;
import org.trackwell.audit.web.AuditEntryView;
import org.trackwell.database.TenantTransactions;
import org.trackwell.tenancy.Tenant;
import org.trackwell.tenancy.Tenants;

/**
 * The operator's view of the audit trail: their own stream in full, and for each tenant only the
 * state of its chain (counts and times), never its entries.
 */
@RestController
@RequestMapping("/api/v1/operator/audit")
@PreAuthorize("hasRole('OPERATOR')")
class OperatorAuditApi {

    private final AuditStatus audit;
    private final Tenants tenants;
    private final TenantTransactions transactions;

    OperatorAuditApi(AuditStatus audit, Tenants tenants, TenantTransactions transactions) {
        this.audit = audit;
        this.tenants = tenants;
        this.transactions = transactions;
    }

    record Chain(@Nullable String tenant, StreamView status) {

        static Chain of(@Nullable String tenant, StreamStatus status) {
            return new Chain(
                    tenant,
                    new StreamView(status.sealedEntries(), status.lastCheckpointSeq(), status.lastCheckpointAt()));
        }
    }

    /** How far an audit stream is sealed and checkpointed. */
    record StreamView(
            long sealedEntries,
            long lastCheckpointSeq,
            @Nullable Instant lastCheckpointAt) {}

    @GetMapping("/events")
    List<AuditEntryView> operatorStream() {
        return transactions.inTenant(AuditTrail.OPERATOR_STREAM, () -> audit.operatorStream(500)).stream()
                .map(AuditEntryView::of)
                .toList();
    }

    @GetMapping("/chains")
    List<Chain> chains() {
        List<Chain> chains = new ArrayList<>();
        chains.add(Chain.of(null, transactions.inTenant(AuditTrail.OPERATOR_STREAM, audit::currentStream)));
        for (Tenant tenant : tenants.list()) {
            chains.add(Chain.of(tenant.slug(), transactions.inTenant(tenant.id(), audit::currentStream)));
        }
        return chains;
    }
}
