package org.trackwell.monitoring.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.trackwell.clients.ClientCreated;
import org.trackwell.database.TenantTransactions;
import org.trackwell.medication.DoseMissed;
import org.trackwell.monitoring.WebhookEvent;
import org.trackwell.outcomes.ScoreRecorded;
import org.trackwell.reports.ExportFinished;
import org.trackwell.shared.Ids;
import org.trackwell.shared.TenantId;
import tools.jackson.databind.json.JsonMapper;

/**
 * Queues the other modules' events for the tenant's webhooks that receive them, in the versioned
 * envelope of docs/api.md. Runs once the event's transaction has committed (a rollback sends
 * nothing), in a transaction of its own, unless the tenant was found a moment ago to have no webhook
 * for the event ({@link WebhookReceivers}); the event registry hands an event whose deliveries could
 * not be queued on again at the next start. Bodies hold pseudonym codes and ids, never names,
 * notes or identifiers.
 */
@Component
class EventWebhooks {

    static final int VERSION = 1;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebhookRows webhooks;
    private final WebhookReceivers receivers;
    private final TenantTransactions transactions;
    private final Ids ids;
    private final Clock clock;

    EventWebhooks(
            WebhookRows webhooks, WebhookReceivers receivers, TenantTransactions transactions, Ids ids, Clock clock) {
        this.webhooks = webhooks;
        this.receivers = receivers;
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
    }

    @TransactionalEventListener
    void on(ClientCreated created) {
        queue(
                created.tenant(),
                WebhookEvent.CLIENT_CREATED,
                created.createdAt(),
                data("client", created.client(), "code", created.code(), "team", created.team()));
    }

    @TransactionalEventListener
    void on(ScoreRecorded score) {
        Map<String, @Nullable Object> data = data(
                "administration", score.administration(),
                "client", score.client(),
                "code", score.code(),
                "session", score.session());
        data.put("measure", score.measure());
        data.put("measureVersion", score.measureVersion());
        data.put("total", score.total());
        data.put("band", score.band());
        data.put("isCase", score.isCase());
        data.put("completedBy", score.completedBy());
        queue(score.tenant(), WebhookEvent.SCORE_RECORDED, score.recordedAt(), data);
    }

    @TransactionalEventListener
    void on(DoseMissed missed) {
        Map<String, @Nullable Object> data = data(
                "client", missed.client(),
                "code", missed.code(),
                "prescription", missed.prescription());
        data.put("dueAt", missed.dueAt().toString());
        queue(missed.tenant(), WebhookEvent.DOSE_MISSED, missed.noticedAt(), data);
    }

    @TransactionalEventListener
    void on(ExportFinished export) {
        Map<String, @Nullable Object> data = data("export", export.export(), "format", export.format());
        data.put("rows", export.rows());
        queue(export.tenant(), WebhookEvent.EXPORT_FINISHED, export.finishedAt(), data);
    }

    private void queue(TenantId tenant, WebhookEvent event, Instant occurredAt, Map<String, @Nullable Object> data) {
        if (receivers.noneFor(tenant, event)) {
            return;
        }
        transactions.inNewTransaction(tenant, () -> {
            List<WebhookRows.Stored> receiving = webhooks.receiving(event);
            receivers.found(tenant, event, receiving.size());
            if (receiving.isEmpty()) {
                return null;
            }
            UUID id = ids.next();
            Map<String, @Nullable Object> body = new LinkedHashMap<>();
            body.put("type", event.type());
            body.put("version", VERSION);
            body.put("id", id.toString());
            body.put("occurredAt", occurredAt.toString());
            body.put("tenant", tenant.value().toString());
            body.put("data", data);
            String json = JSON.writeValueAsString(body);
            for (WebhookRows.Stored webhook : receiving) {
                webhooks.enqueue(ids.next(), webhook.id(), event, id, null, json, clock.instant());
            }
            return null;
        });
    }

    /** The named values in order, ids as strings. */
    private static Map<String, @Nullable Object> data(Object... pairs) {
        Map<String, @Nullable Object> data = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            data.put((String) pairs[i], pairs[i + 1].toString());
        }
        return data;
    }
}
