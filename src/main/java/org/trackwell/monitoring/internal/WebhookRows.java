package org.trackwell.monitoring.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.trackwell.keys.EncryptedText;
import org.trackwell.monitoring.WebhookDelivery;
import org.trackwell.monitoring.WebhookEvent;

/** Webhooks and their deliveries, of the stream current on this thread (as {@link AlertRows}). */
@Repository
public class WebhookRows {

    private static final String STREAM =
            "coalesce(nullif(current_setting('app.tenant_id', true), '')::uuid, '00000000-0000-0000-0000-000000000000')";

    private final JdbcClient jdbc;

    WebhookRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Stored(UUID id, String url, Set<WebhookEvent> events, EncryptedText secret, Instant createdAt) {}

    /** Where a webhook's secret is sealed: bound to its stream as well as its row. */
    public static String secretRow(UUID stream, UUID webhook) {
        return stream + "/" + webhook;
    }

    public record Due(
            UUID id, UUID webhookId, String url, EncryptedText secret, String eventType, String body, int attempts) {}

    public void insert(UUID id, String url, Set<WebhookEvent> events, EncryptedText secret, Instant at) {
        jdbc.sql("insert into monitoring_webhook (tenant_id, id, url, events, secret, created_at) values (" + STREAM
                        + ", :id, :url, cast(:events as text[]), :secret, :at)")
                .param("id", id)
                .param("url", url)
                .param("events", types(events))
                .param("secret", secret.ciphertext())
                .param("at", Timestamp.from(at))
                .update();
    }

    public List<Stored> active() {
        return jdbc.sql("select * from monitoring_webhook where removed_at is null order by created_at")
                .query((row, n) -> stored(row))
                .list();
    }

    /** The webhooks that receive events of this kind. */
    public List<Stored> receiving(WebhookEvent event) {
        return jdbc.sql("""
                select * from monitoring_webhook where removed_at is null and :type = any(events)
                order by created_at""")
                .param("type", event.type())
                .query((row, n) -> stored(row))
                .list();
    }

    public boolean changeEvents(UUID id, Set<WebhookEvent> events) {
        return jdbc.sql("""
                        update monitoring_webhook set events = cast(:events as text[])
                        where id = :id and removed_at is null""").param("id", id).param("events", types(events)).update() == 1;
    }

    /** Every secret of the stream, removed webhooks' too, by webhook id. */
    public Map<UUID, EncryptedText> secrets() {
        return jdbc
                .sql("select id, secret from monitoring_webhook")
                .query((row, n) ->
                        Map.entry(row.getObject("id", UUID.class), new EncryptedText(row.getBytes("secret"))))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    public void replaceSecret(UUID id, EncryptedText secret) {
        jdbc.sql("update monitoring_webhook set secret = :secret where id = :id")
                .param("id", id)
                .param("secret", secret.ciphertext())
                .update();
    }

    /** Removes the webhook and gives up what was still to be sent to it. */
    public boolean remove(UUID id, Instant at) {
        boolean removed =
                jdbc.sql("update monitoring_webhook set removed_at = :at where id = :id and removed_at is null")
                                .param("id", id)
                                .param("at", Timestamp.from(at))
                                .update()
                        == 1;
        if (removed) {
            jdbc.sql("""
                    update monitoring_webhook_delivery set next_attempt_at = null, last_outcome = 'webhook removed'
                    where webhook_id = :id and delivered_at is null and next_attempt_at is not null""").param("id", id).update();
        }
        return removed;
    }

    /** Queues an event for a webhook; {@code alert} names the alert an {@code alert.raised} event is. */
    public void enqueue(
            UUID id, UUID webhook, WebhookEvent event, UUID eventId, @Nullable UUID alert, String body, Instant at) {
        jdbc.sql("insert into monitoring_webhook_delivery (tenant_id, id, webhook_id, event_type, event_id, alert_id,"
                        + " body, next_attempt_at, created_at) values (" + STREAM
                        + ", :id, :webhook, :type, :event, :alert, :body, :at, :at)")
                .param("id", id)
                .param("webhook", webhook)
                .param("type", event.type())
                .param("event", eventId)
                .param("alert", alert)
                .param("body", body)
                .param("at", Timestamp.from(at))
                .update();
    }

    public List<Due> due(Instant now, int limit) {
        return jdbc.sql("""
                select d.id, d.webhook_id, w.url, w.secret, d.event_type, d.body, d.attempts
                from monitoring_webhook_delivery d
                join monitoring_webhook w on w.tenant_id = d.tenant_id and w.id = d.webhook_id
                where d.next_attempt_at <= :now and w.removed_at is null
                order by d.next_attempt_at limit :limit
                for update of d skip locked""")
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query((row, n) -> new Due(
                        row.getObject("id", UUID.class),
                        row.getObject("webhook_id", UUID.class),
                        row.getString("url"),
                        new EncryptedText(row.getBytes("secret")),
                        row.getString("event_type"),
                        row.getString("body"),
                        row.getInt("attempts")))
                .list();
    }

    /** Records one attempt: delivered, or the next attempt's time (none: given up). */
    public void attempted(UUID id, String outcome, @Nullable Instant deliveredAt, @Nullable Instant nextAttempt) {
        jdbc.sql("""
                update monitoring_webhook_delivery
                set attempts = attempts + 1, last_outcome = :outcome, delivered_at = :delivered, next_attempt_at = :next
                where id = :id""")
                .param("id", id)
                .param("outcome", outcome)
                .param("delivered", deliveredAt == null ? null : Timestamp.from(deliveredAt))
                .param("next", nextAttempt == null ? null : Timestamp.from(nextAttempt))
                .update();
    }

    public List<WebhookDelivery> log(int limit) {
        return jdbc.sql("""
                select d.*, w.url from monitoring_webhook_delivery d
                join monitoring_webhook w on w.tenant_id = d.tenant_id and w.id = d.webhook_id
                order by d.created_at desc, d.id desc limit :limit""")
                .param("limit", limit)
                .query((row, n) -> new WebhookDelivery(
                        row.getObject("id", UUID.class),
                        row.getString("url"),
                        WebhookEvent.ofType(row.getString("event_type")).orElseThrow(),
                        row.getObject("event_id", UUID.class),
                        row.getInt("attempts"),
                        instant(row.getTimestamp("delivered_at")),
                        instant(row.getTimestamp("next_attempt_at")),
                        row.getString("last_outcome"),
                        row.getTimestamp("created_at").toInstant()))
                .list();
    }

    private static Stored stored(ResultSet row) throws SQLException {
        return new Stored(
                row.getObject("id", UUID.class),
                row.getString("url"),
                events((String[]) row.getArray("events").getArray()),
                new EncryptedText(row.getBytes("secret")),
                row.getTimestamp("created_at").toInstant());
    }

    private static String[] types(Set<WebhookEvent> events) {
        return events.stream().map(WebhookEvent::type).toArray(String[]::new);
    }

    private static Set<WebhookEvent> events(String[] types) {
        Set<WebhookEvent> events = EnumSet.noneOf(WebhookEvent.class);
        Arrays.stream(types).map(WebhookEvent::ofType).flatMap(Optional::stream).forEach(events::add);
        return events;
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
