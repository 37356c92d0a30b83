package org.trackwell.audit;

import java.time.Instant;
import java.util.HexFormat;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.trackwell.audit.internal.AuditCheckpoints;
import org.trackwell.audit.internal.Sealer;
import org.trackwell.shared.TenantId;

/**
 * The end of a closing tenant's own audit stream: sealed and signed to its head, then removed
 * through the owner role by the one reviewed exception to the trail's append-only rule
 * (V120__tenant_closure.sql, docs/audit.md "A closed tenant's stream"). The runtime role can do
 * neither: it may not call the function, and has no DELETE on the audit tables.
 */
@Service
public class ClosingStreams {

    /** The checkpoint a stream ends with: how many entries it held, and the signed hash of its head. */
    public record LastCheckpoint(long seq, String hash, Instant signedAt) {}

    private final Sealer sealer;
    private final JdbcClient owner;

    ClosingStreams(Sealer sealer, @Qualifier("ownerDataSource") DataSource owner) {
        this.sealer = sealer;
        this.owner = JdbcClient.create(owner);
    }

    /** Seals every entry committed so far and signs the head, exported like every checkpoint. */
    public LastCheckpoint signHead(TenantId stream) {
        AuditCheckpoints.Checkpoint checkpoint = sealer.signHead(stream.value());
        return new LastCheckpoint(checkpoint.seq(), HexFormat.of().formatHex(checkpoint.hash()), checkpoint.signedAt());
    }

    /**
     * Removes a closed tenant's stream; how many entries it held. The database refuses unless the
     * tenant is closed and the stream is sealed and signed to its head.
     */
    public long remove(TenantId closed) {
        return owner.sql("select erase_closed_audit_stream(:tenant)")
                .param("tenant", closed.value())
                .query((row, n) -> row.getLong(1))
                .single();
    }
}
