package org.trackwell.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of the signed checkpoints of each chain's head. Only inserts and reads. */
@Repository
public class AuditCheckpoints {

    public record Checkpoint(UUID tenantId, long seq, byte[] hash, Instant signedAt, byte[] signature) {}

    private final JdbcClient jdbc;

    AuditCheckpoints(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Checkpoint> latestCheckpoint() {
        return jdbc.sql("select * from audit_checkpoint order by seq desc limit 1")
                .query(AuditCheckpoints::checkpoint)
                .optional();
    }

    public List<Checkpoint> checkpoints() {
        return jdbc.sql("select * from audit_checkpoint order by seq")
                .query(AuditCheckpoints::checkpoint)
                .list();
    }

    public void insertCheckpoint(Checkpoint checkpoint) {
        jdbc.sql("""
                insert into audit_checkpoint (tenant_id, seq, hash, signed_at, signature)
                values (:stream, :seq, :hash, :at, :signature)""")
                .param("stream", checkpoint.tenantId())
                .param("seq", checkpoint.seq())
                .param("hash", checkpoint.hash())
                .param("at", Timestamp.from(checkpoint.signedAt()))
                .param("signature", checkpoint.signature())
                .update();
    }

    private static Checkpoint checkpoint(ResultSet row, int n) throws SQLException {
        return new Checkpoint(
                row.getObject("tenant_id", UUID.class),
                row.getLong("seq"),
                row.getBytes("hash"),
                row.getTimestamp("signed_at").toInstant(),
                row.getBytes("signature"));
    }
}
