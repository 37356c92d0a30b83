package org.trackwell.support;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.trackwell.audit.internal.AuditRows;
import org.trackwell.audit.internal.ChainHash;
import org.trackwell.audit.internal.StoredEvent;
import org.trackwell.shared.TenantId;

/**
 * What an attacker with the database superuser's rights would do to hide a change: recompute a
 * tenant's whole chain from its (altered) entries, so that it is consistent inside the database.
 */
public final class ChainRewrite {

    /** Writes one link's new hash. */
    public interface LinkWriter {
        void write(long seq, byte[] hash);
    }

    /** The chain's new head, to forge a checkpoint with. */
    public record Head(long seq, byte[] hash) {}

    private ChainRewrite() {}

    public static Head rehash(JdbcClient superuser, TenantId tenant, LinkWriter links) {
        List<UUID> ids = superuser
                .sql("select event_id from audit_seal where tenant_id = :t order by seq")
                .param("t", tenant.value())
                .query((row, n) -> row.getObject(1, UUID.class))
                .list();
        byte[] hash = ChainHash.GENESIS;
        long seq = 0;
        for (UUID id : ids) {
            StoredEvent event = superuser
                    .sql("select * from audit_event where tenant_id = :t and id = :id")
                    .param("t", tenant.value())
                    .param("id", id)
                    .query(AuditRows::event)
                    .single();
            hash = ChainHash.next(hash, event);
            seq++;
            links.write(seq, hash);
        }
        return new Head(seq, hash);
    }
}
