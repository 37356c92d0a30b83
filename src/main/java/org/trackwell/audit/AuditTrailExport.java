package org.trackwell.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.trackwell.audit.ChainBreak.Kind;
import org.trackwell.audit.internal.AuditCheckpoints;
import org.trackwell.audit.internal.AuditRows;
import org.trackwell.audit.internal.ChainHash;
import org.trackwell.audit.internal.SigningKey;
import org.trackwell.audit.internal.StoredEvent;
import org.trackwell.shared.CurrentTenant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The current tenant's trail taken away whole, so that the tenant can verify it without Trackwell:
 * every sealed entry as a JSON line with the hash that seals it, the signed checkpoints in the
 * format of the exported checkpoint files, and the public key that verifies them. {@link #verify}
 * checks such an export as the database's chain is checked. Runs in the caller's transaction.
 */
@Service
public class AuditTrailExport {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CHAIN = """
            select s.seq, s.hash as sealed_hash, e.*
            from audit_seal s join audit_event e on e.tenant_id = s.tenant_id and e.id = s.event_id
            order by s.seq""";

    private final JdbcTemplate streaming;
    private final AuditCheckpoints checkpoints;
    private final SigningKey key;

    AuditTrailExport(DataSource dataSource, AuditCheckpoints checkpoints, SigningKey key) {
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(10_000);
        this.checkpoints = checkpoints;
        this.key = key;
    }

    /** Writes the current tenant's sealed entries in chain order, one JSON object a line; returns how many. */
    public long writeChain(Consumer<String> line) {
        CurrentTenant.require();
        long[] count = {0};
        streaming.query(CHAIN, row -> {
            StoredEvent event = AuditRows.event(row, 0);
            ObjectNode node = JSON.createObjectNode();
            node.put("seq", row.getLong("seq"));
            node.put("hash", HexFormat.of().formatHex(row.getBytes("sealed_hash")));
            node.put("tenant_id", event.tenantId().toString());
            node.put("id", event.id().toString());
            node.put("occurred_at", event.occurredAt().toString());
            node.put("occurred_at_micros", ChronoUnit.MICROS.between(Instant.EPOCH, event.occurredAt()));
            node.put("actor_type", event.actorType());
            node.put("actor_id", event.actorId());
            node.put("actor_role", event.actorRole());
            node.put("action", event.action());
            node.put("target", event.target());
            node.put("outcome", event.outcome());
            node.put("address", event.address());
            node.put("user_agent", event.userAgent());
            node.put("request_id", event.requestId());
            line.accept(JSON.writeValueAsString(node));
            count[0]++;
        });
        return count[0];
    }

    /**
     * Writes the current tenant's signed checkpoints, one a line: stream, sequence, hash (hex),
     * signing time (microseconds since 1970) and signature (base64); returns how many.
     */
    public long writeCheckpoints(Consumer<String> line) {
        CurrentTenant.require();
        long count = 0;
        for (AuditCheckpoints.Checkpoint checkpoint : checkpoints.checkpoints()) {
            line.accept(String.join(
                    " ",
                    checkpoint.tenantId().toString(),
                    Long.toString(checkpoint.seq()),
                    HexFormat.of().formatHex(checkpoint.hash()),
                    Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, checkpoint.signedAt())),
                    Base64.getEncoder().encodeToString(checkpoint.signature())));
            count++;
        }
        return count;
    }

    /** The key that verifies the checkpoints' signatures: base64 of its X.509 encoding (Ed25519). */
    public String publicKey() {
        return key.publicKeyBase64();
    }

    /**
     * Verifies an exported trail: each entry's hash recomputed from the one before, each checkpoint's
     * signature under {@code publicKeyBase64}, and each checkpoint's hash against the chain's.
     */
    public static StreamVerification verify(
            UUID stream, BufferedReader chain, BufferedReader checkpoints, String publicKeyBase64) {
        try {
            PublicKey publicKey = publicKey(publicKeyBase64);
            Map<Long, byte[]> signed = new HashMap<>();
            long checkpointCount = 0;
            for (String text = checkpoints.readLine(); text != null; text = checkpoints.readLine()) {
                String[] parts = text.strip().split(" ");
                long seq = Long.parseLong(parts[1]);
                byte[] hash = HexFormat.of().parseHex(parts[2]);
                Instant at = Instant.EPOCH.plus(Long.parseLong(parts[3]), ChronoUnit.MICROS);
                byte[] signature = Base64.getDecoder().decode(parts[4]);
                if (!UUID.fromString(parts[0]).equals(stream)
                        || !SigningKey.verify(publicKey, ChainHash.checkpoint(stream, seq, hash, at), signature)) {
                    return broken(stream, 0, checkpointCount, seq, Kind.BAD_SIGNATURE, "checkpoint does not verify");
                }
                signed.put(seq, hash);
                checkpointCount++;
            }
            byte[] previous = ChainHash.GENESIS;
            long expected = 1;
            for (String text = chain.readLine(); text != null; text = chain.readLine()) {
                JsonNode entry = JSON.readTree(text);
                long seq = entry.get("seq").asLong();
                if (seq != expected) {
                    return broken(stream, expected - 1, checkpointCount, expected, Kind.DELETED, "entry missing");
                }
                byte[] sealed = HexFormat.of().parseHex(entry.get("hash").asString());
                byte[] recomputed = ChainHash.next(previous, event(entry));
                byte[] checkpoint = signed.get(seq);
                if (!Arrays.equals(recomputed, sealed) || (checkpoint != null && !Arrays.equals(checkpoint, sealed))) {
                    return broken(stream, expected - 1, checkpointCount, seq, Kind.ALTERED, "entry does not match");
                }
                previous = sealed;
                expected++;
            }
            long reached = expected - 1;
            if (signed.keySet().stream().anyMatch(seq -> seq > reached)) {
                return broken(stream, reached, checkpointCount, expected, Kind.DELETED, "chain ends early");
            }
            return new StreamVerification(stream, reached, checkpointCount, Optional.empty(), 0, reached);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static StreamVerification broken(
            UUID stream, long checked, long checkpoints, long seq, Kind kind, String detail) {
        return new StreamVerification(
                stream, checked, checkpoints, Optional.of(new ChainBreak(seq, kind, detail)), 0, checked);
    }

    private static StoredEvent event(JsonNode entry) {
        return new StoredEvent(
                UUID.fromString(entry.get("tenant_id").asString()),
                UUID.fromString(entry.get("id").asString()),
                Instant.EPOCH.plus(entry.get("occurred_at_micros").asLong(), ChronoUnit.MICROS),
                entry.get("actor_type").asString(),
                text(entry, "actor_id"),
                text(entry, "actor_role"),
                entry.get("action").asString(),
                text(entry, "target"),
                entry.get("outcome").asString(),
                text(entry, "address"),
                text(entry, "user_agent"),
                text(entry, "request_id"));
    }

    private static @Nullable String text(JsonNode entry, String field) {
        JsonNode value = entry.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static PublicKey publicKey(String base64) {
        try {
            byte[] encoded = Base64.getDecoder().decode(base64.strip());
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalArgumentException("not a public key", e);
        }
    }
}
