package org.trackwell.monitoring.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.trackwell.monitoring.WebhookEvent;
import org.trackwell.shared.TenantId;

/**
 * Remembers for a few seconds that a tenant has no webhook for a kind of event, so that the
 * events of the many tenants without webhooks open no transaction of their own to find that out.
 * Only the absence is remembered, never a webhook. A webhook added or changed on this node is
 * seen at once (its tenant is forgotten as it changes and again when it commits); one added on
 * another node receives its events at most {@link #REMEMBERED} later.
 */
@Component
public class WebhookReceivers {

    static final Duration REMEMBERED = Duration.ofSeconds(10);

    private record Kind(TenantId tenant, WebhookEvent event) {}

    private final Map<Kind, Instant> noneUntil = new ConcurrentHashMap<>();
    private final Clock clock;

    WebhookReceivers(Clock clock) {
        this.clock = clock;
    }

    /** Whether the tenant was found to have no webhook for the event a moment ago. */
    boolean noneFor(TenantId tenant, WebhookEvent event) {
        Instant until = noneUntil.get(new Kind(tenant, event));
        return until != null && clock.instant().isBefore(until);
    }

    /** What a look-up in the database found: the number of webhooks receiving the event. */
    void found(TenantId tenant, WebhookEvent event, int receiving) {
        Kind kind = new Kind(tenant, event);
        if (receiving == 0) {
            noneUntil.put(kind, clock.instant().plus(REMEMBERED));
        } else {
            noneUntil.remove(kind);
        }
    }

    /** The tenant's webhooks change in the current transaction. */
    public void changed(TenantId tenant) {
        forget(tenant);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    forget(tenant);
                }
            });
        }
    }

    private void forget(TenantId tenant) {
        noneUntil.keySet().removeIf(kind -> kind.tenant().equals(tenant));
    }
}
