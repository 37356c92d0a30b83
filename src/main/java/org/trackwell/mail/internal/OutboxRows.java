package org.trackwell.mail.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.trackwell.keys.EncryptedText;

/** Messages kept to be tried again, of the stream current on this thread: a tenant's, or the installation's. */
@Repository
public class OutboxRows {

    private static final String STREAM =
            "coalesce(nullif(current_setting('app.tenant_id', true), '')::uuid, '00000000-0000-0000-0000-000000000000')";

    private final JdbcClient jdbc;

    OutboxRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A kept message as stored: recipient and text still sealed. */
    public record Kept(
            UUID id,
            EncryptedText recipient,
            String subject,
            EncryptedText body,
            int attempts,
            String lastOutcome,
            Instant firstTriedAt,
            @Nullable Instant nextAttemptAt,
            @Nullable Instant gaveUpAt) {}

    public void insert(Kept message) {
        jdbc.sql("insert into mail_outbox (tenant_id, id, recipient, subject, body, attempts, last_outcome,"
                        + " first_tried_at, next_attempt_at, gave_up_at) values (" + STREAM
                        + ", :id, :recipient, :subject, :body, :attempts, :outcome, :first, :next, :gaveUp)")
                .param("id", message.id())
                .param("recipient", message.recipient().ciphertext())
                .param("subject", message.subject())
                .param("body", message.body().ciphertext())
                .param("attempts", message.attempts())
                .param("outcome", message.lastOutcome())
                .param("first", Timestamp.from(message.firstTriedAt()))
                .param("next", timestamp(message.nextAttemptAt()))
                .param("gaveUp", timestamp(message.gaveUpAt()))
                .update();
    }

    /** Due messages, locked so that two nodes never send the same one. */
    public List<Kept> due(Instant now, int limit) {
        return jdbc.sql("select * from mail_outbox where next_attempt_at <= :now order by next_attempt_at"
                        + " limit :limit for update skip locked")
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query(OutboxRows::kept)
                .list();
    }

    public List<Kept> newest(int limit) {
        return jdbc.sql("select * from mail_outbox order by first_tried_at desc, id limit :limit")
                .param("limit", limit)
                .query(OutboxRows::kept)
                .list();
    }

    public Optional<Kept> byId(UUID id) {
        return jdbc.sql("select * from mail_outbox where id = :id")
                .param("id", id)
                .query(OutboxRows::kept)
                .optional();
    }

    /** Records a failed try: the next one is due at {@code next}, or with none the message is given up. */
    public void failedAgain(UUID id, String outcome, @Nullable Instant next, Instant now) {
        jdbc.sql("update mail_outbox set attempts = attempts + 1, last_outcome = :outcome,"
                        + " next_attempt_at = :next, gave_up_at = case when :next::timestamptz is null then"
                        + " :now::timestamptz end where id = :id")
                .param("id", id)
                .param("outcome", outcome)
                .param("next", timestamp(next))
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Makes a message due now, given up or not. */
    public boolean dueNow(UUID id, Instant now) {
        return jdbc.sql("update mail_outbox set next_attempt_at = :now, gave_up_at = null where id = :id")
                        .param("id", id)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    /** How many messages of the stream wait to be tried again, and how many were given up. */
    public record Counts(long waiting, long givenUp) {}

    public Counts counts() {
        return jdbc.sql("select count(*) filter (where gave_up_at is null) as waiting,"
                        + " count(*) filter (where gave_up_at is not null) as given_up from mail_outbox")
                .query((row, n) -> new Counts(row.getLong("waiting"), row.getLong("given_up")))
                .single();
    }

    public int deleteGivenUpBefore(Instant before) {
        return jdbc.sql("delete from mail_outbox where gave_up_at < :before")
                .param("before", Timestamp.from(before))
                .update();
    }

    public boolean delete(UUID id) {
        return jdbc.sql("delete from mail_outbox where id = :id")
                        .param("id", id)
                        .update()
                == 1;
    }

    /** Every sealed value of the stream, for master-key rotation: by message id, recipient then text. */
    public Map<UUID, List<EncryptedText>> sealed() {
        return jdbc
                .sql("select id, recipient, body from mail_outbox")
                .query((row, n) -> Map.entry(
                        row.getObject("id", UUID.class),
                        List.of(new EncryptedText(row.getBytes("recipient")), new EncryptedText(row.getBytes("body")))))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    public void replaceSealed(UUID id, String column, EncryptedText text) {
        String sql = switch (column) {
            case "recipient" -> "update mail_outbox set recipient = :text where id = :id";
            case "body" -> "update mail_outbox set body = :text where id = :id";
            default -> throw new IllegalArgumentException("no sealed column " + column);
        };
        jdbc.sql(sql).param("id", id).param("text", text.ciphertext()).update();
    }

    private static Kept kept(ResultSet row, int n) throws SQLException {
        return new Kept(
                row.getObject("id", UUID.class),
                new EncryptedText(row.getBytes("recipient")),
                row.getString("subject"),
                new EncryptedText(row.getBytes("body")),
                row.getInt("attempts"),
                row.getString("last_outcome"),
                row.getTimestamp("first_tried_at").toInstant(),
                instant(row.getTimestamp("next_attempt_at")),
                instant(row.getTimestamp("gave_up_at")));
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static @Nullable Instant instant(@Nullable Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
