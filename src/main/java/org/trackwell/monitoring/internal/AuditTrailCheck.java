package org.trackwell.monitoring.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.trackwell.audit.AuditTrail;
import org.trackwell.audit.AuditVerifier;
import org.trackwell.audit.ChainBreak;
import org.trackwell.audit.CheckpointExport;
import org.trackwell.audit.StreamVerification;
import org.trackwell.monitoring.Check;
import org.trackwell.monitoring.CheckStatus;
import org.trackwell.monitoring.MonitoringProperties;
import org.trackwell.shared.TenantId;
import org.trackwell.tenancy.Tenant;
import org.trackwell.tenancy.Tenants;

/**
 * Verifies each stream's new entries at every check, from the newest exported checkpoint the last
 * check had reached, and the whole chain of every stream once a week; always against the
 * checkpoints exported outside the database, so a chain rewritten whole is found.
 */
@Component
public class AuditTrailCheck implements IntegrityCheck {

    private static final String VERIFIED = "audit-verified";
    private static final String FULL = "audit-full";

    private final AuditVerifier verifier;
    private final CheckpointExport export;
    private final Tenants tenants;
    private final Baselines baselines;
    private final MonitoringProperties properties;
    private final Clock clock;

    AuditTrailCheck(
            AuditVerifier verifier,
            CheckpointExport export,
            Tenants tenants,
            Baselines baselines,
            MonitoringProperties properties,
            Clock clock) {
        this.verifier = verifier;
        this.export = export;
        this.tenants = tenants;
        this.baselines = baselines;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Check check() {
        return Check.AUDIT_TRAIL;
    }

    @Override
    public Outcome run() {
        Instant now = clock.instant();
        boolean whole = baselines
                .get(FULL, "last")
                .map(Instant::parse)
                .map(last -> !last.plus(properties.fullAuditEvery()).isAfter(now))
                .orElse(true);
        List<String> broken = new ArrayList<>();
        List<TenantId> tenantsBroken = new ArrayList<>();
        long checked = verify(AuditTrail.OPERATOR_STREAM, "operator stream", whole, broken);
        for (Tenant tenant : tenants.list()) {
            int before = broken.size();
            checked += verify(tenant.id(), "tenant " + tenant.slug(), whole, broken);
            if (broken.size() > before) {
                tenantsBroken.add(tenant.id());
            }
        }
        if (whole && broken.isEmpty()) {
            baselines.put(FULL, "last", now.toString());
        }
        String scope = whole ? "whole chains" : "new entries";
        return broken.isEmpty()
                ? Outcome.ok(checked + " entries verified (" + scope + ")")
                : new Outcome(CheckStatus.FINDING, String.join("; ", broken), tenantsBroken);
    }

    private long verify(TenantId stream, String name, boolean whole, List<String> broken) {
        String key = stream.value().toString();
        long verifiedUpTo =
                whole ? 0 : baselines.get(VERIFIED, key).map(Long::parseLong).orElse(0L);
        StreamVerification result = verifier.verifyAfter(stream, export.directory(), verifiedUpTo);
        if (result.ok()) {
            baselines.put(VERIFIED, key, Long.toString(result.lastSeq()));
            return result.entriesChecked();
        }
        ChainBreak first = result.firstBreak().orElseThrow();
        broken.add(name + ": the chain breaks at entry " + first.seq() + ", " + words(first.kind()) + " ("
                + first.detail() + ")");
        return result.entriesChecked();
    }

    private static String words(ChainBreak.Kind kind) {
        return switch (kind) {
            case ALTERED -> "altered";
            case DELETED -> "deleted";
            case INSERTED -> "inserted outside the chain";
            case REORDERED -> "moved";
            case OUT_OF_ORDER -> "dated before the entry before it";
            case BAD_SIGNATURE -> "a checkpoint's signature does not verify";
        };
    }
}
