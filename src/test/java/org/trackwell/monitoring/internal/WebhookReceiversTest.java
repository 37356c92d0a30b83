package org.trackwell.monitoring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.trackwell.monitoring.WebhookEvent;
import org.trackwell.shared.TenantId;
import org.trackwell.support.MutableClock;

class WebhookReceiversTest {

    private final MutableClock clock = new MutableClock();
    private final WebhookReceivers receivers = new WebhookReceivers(clock);
    private final TenantId tenant = new TenantId(UUID.randomUUID());

    @Test
    void remembersATenantWithoutWebhooksForAFewSecondsOnly() {
        receivers.found(tenant, WebhookEvent.CLIENT_CREATED, 0);

        assertThat(receivers.noneFor(tenant, WebhookEvent.CLIENT_CREATED)).isTrue();
        assertThat(receivers.noneFor(tenant, WebhookEvent.SCORE_RECORDED)).isFalse();
        clock.advance(WebhookReceivers.REMEMBERED);
        assertThat(receivers.noneFor(tenant, WebhookEvent.CLIENT_CREATED)).isFalse();
    }

    @Test
    void neverRemembersAWebhook() {
        receivers.found(tenant, WebhookEvent.CLIENT_CREATED, 0);
        receivers.found(tenant, WebhookEvent.CLIENT_CREATED, 1);

        assertThat(receivers.noneFor(tenant, WebhookEvent.CLIENT_CREATED)).isFalse();
    }

    @Test
    void forgetsATenantWhoseWebhooksChange() {
        receivers.found(tenant, WebhookEvent.CLIENT_CREATED, 0);
        TenantId other = new TenantId(UUID.randomUUID());
        receivers.found(other, WebhookEvent.CLIENT_CREATED, 0);

        receivers.changed(tenant);

        assertThat(receivers.noneFor(tenant, WebhookEvent.CLIENT_CREATED)).isFalse();
        assertThat(receivers.noneFor(other, WebhookEvent.CLIENT_CREATED)).isTrue();
    }
}
