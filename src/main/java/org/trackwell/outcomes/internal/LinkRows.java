package org.trackwell.outcomes.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.trackwell.shared.TenantId;
import org.trackwell.shared.UserId;

/** Links sent to clients, stored by the hash of their token only. */
@Repository
public class LinkRows {

    private final JdbcClient jdbc;

    LinkRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public enum Kind {
        MEASURES,
        CHARTS
    }

    public record StoredLink(
            UUID id,
            Kind kind,
            UUID clientId,
            @Nullable UUID sessionId,
            List<String> measures,
            @Nullable String pinHash,
            int failedPins,
            Instant expiresAt,
            @Nullable Instant usedAt,
            @Nullable Instant revokedAt,
            Instant createdAt) {}

    /** Stores a link; false if a scheduled one was already sent for that session and purpose. */
    public boolean insert(
            TenantId tenant,
            UUID id,
            String tokenHash,
            Kind kind,
            UUID client,
            @Nullable UUID session,
            List<String> measures,
            @Nullable String pinHash,
            Instant expiresAt,
            @Nullable String sentFor,
            @Nullable UserId by,
            Instant now) {
        Map<String, @Nullable Object> values = new HashMap<>();
        values.put("tenant", tenant.value());
        values.put("id", id);
        values.put("hash", tokenHash);
        values.put("kind", kind.name());
        values.put("client", client);
        values.put("session", session);
        values.put("measures", String.join(",", measures));
        values.put("pin", pinHash);
        values.put("expires", Timestamp.from(expiresAt));
        values.put("sentFor", sentFor);
        values.put("by", by == null ? null : by.value());
        values.put("now", Timestamp.from(now));
        return jdbc.sql("""
                        insert into client_link (tenant_id, id, token_hash, kind, client_id, session_id, measures, pin_hash,
                          expires_at, sent_for, created_at, created_by)
                        values (:tenant, :id, :hash, :kind, :client, :session, :measures, :pin, :expires, :sentFor,
                          :now, :by)
                        on conflict do nothing""").params(values).update() == 1;
    }

    public Optional<StoredLink> byTokenHash(String hash) {
        return jdbc.sql("select * from client_link where token_hash = :hash")
                .param("hash", hash)
                .query(LinkRows::link)
                .optional();
    }

    /** Marks the link used, if it still can be: once only, before it expires, unless revoked. */
    public boolean use(UUID id, Instant now) {
        return jdbc.sql("""
                update client_link set used_at = :now
                where id = :id and used_at is null and revoked_at is null and expires_at > :now""").param("id", id).param("now", Timestamp.from(now)).update() == 1;
    }

    public int failPin(UUID id) {
        return jdbc.sql("update client_link set failed_pins = failed_pins + 1 where id = :id returning failed_pins")
                .param("id", id)
                .query(Integer.class)
                .single();
    }

    public boolean revoke(UUID client, UUID id, Instant now) {
        return jdbc.sql("""
                update client_link set revoked_at = :now where client_id = :client and id = :id and revoked_at is null""")
                        .param("now", Timestamp.from(now))
                        .param("client", client)
                        .param("id", id)
                        .update()
                == 1;
    }

    public List<StoredLink> chartLinksOf(UUID client) {
        return jdbc.sql(
                        "select * from client_link where client_id = :client and kind = 'CHARTS' order by created_at desc")
                .param("client", client)
                .query(LinkRows::link)
                .list();
    }

    private static StoredLink link(ResultSet row, int n) throws SQLException {
        String measures = row.getString("measures");
        return new StoredLink(
                row.getObject("id", UUID.class),
                Kind.valueOf(row.getString("kind")),
                row.getObject("client_id", UUID.class),
                row.getObject("session_id", UUID.class),
                measures.isBlank() ? List.of() : List.of(measures.split(",")),
                row.getString("pin_hash"),
                row.getInt("failed_pins"),
                row.getTimestamp("expires_at").toInstant(),
                instant(row, "used_at"),
                instant(row, "revoked_at"),
                row.getTimestamp("created_at").toInstant());
    }

    private static @Nullable Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
