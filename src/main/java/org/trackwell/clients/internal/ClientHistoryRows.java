package org.trackwell.clients.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.trackwell.clients.RiskLevel;
import org.trackwell.keys.EncryptedText;
import org.trackwell.shared.TenantId;
import org.trackwell.shared.UserId;

/** The parts of a client's record that only grow: risk ratings, consents and notes. */
@Repository
public class ClientHistoryRows {

    private final JdbcClient jdbc;

    ClientHistoryRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void addRisk(
            TenantId tenant,
            UUID id,
            UUID client,
            RiskLevel level,
            @Nullable EncryptedText note,
            LocalDate assessedOn,
            UserId by,
            Instant now) {
        jdbc.sql("""
                insert into client_risk (tenant_id, id, client_id, level, note, assessed_on, recorded_at, recorded_by)
                values (:tenant, :id, :client, :level, :note, :assessedOn, :now, :by)""")
                .param("tenant", tenant.value())
                .param("id", id)
                .param("client", client)
                .param("level", level.name())
                .param("note", note == null ? null : note.ciphertext())
                .param("assessedOn", Date.valueOf(assessedOn))
                .param("now", Timestamp.from(now))
                .param("by", by.value())
                .update();
    }

    /** Risk history, newest first: the id (the note's address), level, date, time and author. */
    public List<StoredRisk> risks(UUID client) {
        return jdbc.sql("select * from client_risk where client_id = :client order by recorded_at desc")
                .param("client", client)
                .query((row, n) -> new StoredRisk(
                        row.getObject("id", UUID.class),
                        RiskLevel.valueOf(row.getString("level")),
                        row.getBytes("note") == null ? null : new EncryptedText(row.getBytes("note")),
                        row.getDate("assessed_on").toLocalDate(),
                        row.getTimestamp("recorded_at").toInstant(),
                        new UserId(row.getObject("recorded_by", UUID.class))))
                .list();
    }

    public record StoredRisk(
            UUID id,
            RiskLevel level,
            @Nullable EncryptedText note,
            LocalDate assessedOn,
            Instant recordedAt,
            UserId recordedBy) {}

    public void addConsent(TenantId tenant, UUID id, UUID client, Consent consent, UserId by, Instant now) {
        jdbc.sql("""
                insert into client_consent (tenant_id, id, client_id, purpose, given, given_on, recorded_at, recorded_by)
                values (:tenant, :id, :client, :purpose, :given, :on, :now, :by)""")
                .param("tenant", tenant.value())
                .param("id", id)
                .param("client", client)
                .param("purpose", consent.purpose().name())
                .param("given", consent.given())
                .param("on", Date.valueOf(consent.on()))
                .param("now", Timestamp.from(now))
                .param("by", by.value())
                .update();
    }

    /** The latest consent record for each purpose. */
    public List<Consent> consents(UUID client) {
        return jdbc.sql("""
                select distinct on (purpose) purpose, given, given_on from client_consent
                where client_id = :client order by purpose, recorded_at desc""")
                .param("client", client)
                .query((row, n) -> new Consent(
                        Consent.Purpose.valueOf(row.getString("purpose")),
                        row.getBoolean("given"),
                        row.getDate("given_on").toLocalDate()))
                .list();
    }

    public void addNote(
            TenantId tenant,
            UUID id,
            UUID client,
            @Nullable UUID episode,
            ClientNote.Kind kind,
            EncryptedText text,
            UserId by,
            Instant now) {
        jdbc.sql("""
                insert into client_note (tenant_id, id, client_id, episode_id, kind, text, written_at, written_by)
                values (:tenant, :id, :client, :episode, :kind, :text, :now, :by)""")
                .param("tenant", tenant.value())
                .param("id", id)
                .param("client", client)
                .param("episode", episode)
                .param("kind", kind.name())
                .param("text", text.ciphertext())
                .param("now", Timestamp.from(now))
                .param("by", by.value())
                .update();
    }

    public List<StoredNote> notes(UUID client, int limit) {
        return jdbc.sql("select * from client_note where client_id = :client order by written_at desc limit :limit")
                .param("client", client)
                .param("limit", limit)
                .query((row, n) -> new StoredNote(
                        row.getObject("id", UUID.class),
                        row.getObject("episode_id", UUID.class),
                        ClientNote.Kind.valueOf(row.getString("kind")),
                        new EncryptedText(row.getBytes("text")),
                        row.getTimestamp("written_at").toInstant(),
                        new UserId(row.getObject("written_by", UUID.class))))
                .list();
    }

    public record StoredNote(
            UUID id,
            @Nullable UUID episode,
            ClientNote.Kind kind,
            EncryptedText text,
            Instant writtenAt,
            UserId writtenBy) {}

    public void raiseFlag(TenantId tenant, UUID id, UUID client, String source, String message, Instant now) {
        jdbc.sql("""
                insert into client_flag (tenant_id, id, client_id, source, message, raised_at)
                values (:tenant, :id, :client, :source, :message, :now)""")
                .param("tenant", tenant.value())
                .param("id", id)
                .param("client", client)
                .param("source", source)
                .param("message", message)
                .param("now", Timestamp.from(now))
                .update();
    }

    public List<ClientFlag> openFlags(UUID client) {
        return jdbc.sql("""
                select id, source, message, raised_at from client_flag
                where client_id = :client and cleared_at is null order by raised_at desc""")
                .param("client", client)
                .query((row, n) -> new ClientFlag(
                        row.getObject("id", UUID.class),
                        row.getString("source"),
                        row.getString("message"),
                        row.getTimestamp("raised_at").toInstant()))
                .list();
    }

    public boolean clearFlag(UUID client, UUID flag, UserId by, Instant now) {
        return jdbc.sql("""
                update client_flag set cleared_at = :now, cleared_by = :by
                where client_id = :client and id = :flag and cleared_at is null""")
                        .param("now", Timestamp.from(now))
                        .param("by", by.value())
                        .param("client", client)
                        .param("flag", flag)
                        .update()
                == 1;
    }
}
