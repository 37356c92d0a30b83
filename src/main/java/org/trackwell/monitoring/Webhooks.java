package org.trackwell.monitoring;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trackwell.audit.AuditAction;
import org.trackwell.audit.AuditTrail;
import org.trackwell.audit.Outcome;
import org.trackwell.keys.InstallationSecrets;
import org.trackwell.monitoring.internal.WebhookAddresses;
import org.trackwell.monitoring.internal.WebhookReceivers;
import org.trackwell.monitoring.internal.WebhookRows;
import org.trackwell.shared.CurrentTenant;
import org.trackwell.shared.Ids;

/**
 * The webhooks alerts and product events are posted to: the installation's (operators, alerts
 * only) or a tenant's (its admins, the kinds of event each chooses), as the current stream says.
 * Each has its own secret, sealed under the master key, shown once.
 */
@Service
public class Webhooks {

    private static final int URL_LIMIT = 2000;

    private final WebhookRows rows;
    private final WebhookReceivers receivers;
    private final InstallationSecrets secrets;
    private final AuditTrail trail;
    private final MonitoringProperties properties;
    private final WebhookAddresses addresses;
    private final SecureRandom random;
    private final Ids ids;
    private final Clock clock;

    Webhooks(
            WebhookRows rows,
            WebhookReceivers receivers,
            InstallationSecrets secrets,
            AuditTrail trail,
            MonitoringProperties properties,
            WebhookAddresses addresses,
            SecureRandom random,
            Ids ids,
            Clock clock) {
        this.rows = rows;
        this.receivers = receivers;
        this.secrets = secrets;
        this.trail = trail;
        this.properties = properties;
        this.addresses = addresses;
        this.random = random;
        this.ids = ids;
        this.clock = clock;
    }

    @Transactional
    @PreAuthorize("hasRole('TENANT_ADMIN') or hasRole('OPERATOR')")
    public NewWebhook add(String url) {
        return add(url, EnumSet.of(WebhookEvent.ALERT_RAISED));
    }

    /** Adds a tenant's webhook for the kinds of event chosen; the installation's receive alerts only. */
    @Transactional
    @PreAuthorize("hasRole('TENANT_ADMIN') or hasRole('OPERATOR')")
    public NewWebhook add(String url, Set<WebhookEvent> events) {
        String checked = checkedUrl(url.strip());
        Set<WebhookEvent> chosen = checkedEvents(events);
        UUID id = ids.next();
        byte[] key = new byte[32];
        random.nextBytes(key);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(key);
        UUID stream = CurrentTenant.get().orElse(AuditTrail.OPERATOR_STREAM).value();
        rows.insert(
                id,
                checked,
                chosen,
                secrets.seal("monitoring_webhook", "secret", WebhookRows.secretRow(stream, id), secret),
                clock.instant());
        CurrentTenant.get().ifPresent(receivers::changed);
        trail.record(AuditAction.WEBHOOK_ADDED, "webhook:" + id, Outcome.SUCCESS);
        return new NewWebhook(id, checked, chosen, secret);
    }

    /** Changes which kinds of event the webhook receives from now on. */
    @Transactional
    @PreAuthorize("hasRole('TENANT_ADMIN') or hasRole('OPERATOR')")
    public Webhook changeEvents(UUID id, Set<WebhookEvent> events) {
        if (!rows.changeEvents(id, checkedEvents(events))) {
            throw new MonitoringRefused("There is no such webhook.");
        }
        CurrentTenant.get().ifPresent(receivers::changed);
        trail.record(AuditAction.WEBHOOK_EVENTS_CHANGED, "webhook:" + id, Outcome.SUCCESS);
        return list().stream().filter(w -> w.id().equals(id)).findFirst().orElseThrow();
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('TENANT_ADMIN') or hasRole('OPERATOR')")
    public List<Webhook> list() {
        return rows.active().stream()
                .map(stored -> new Webhook(stored.id(), stored.url(), stored.events(), stored.createdAt()))
                .toList();
    }

    @Transactional
    @PreAuthorize("hasRole('TENANT_ADMIN') or hasRole('OPERATOR')")
    public void remove(UUID id) {
        if (!rows.remove(id, clock.instant())) {
            throw new MonitoringRefused("There is no such webhook.");
        }
        trail.record(AuditAction.WEBHOOK_REMOVED, "webhook:" + id, Outcome.SUCCESS);
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('TENANT_ADMIN') or hasRole('OPERATOR')")
    public List<WebhookDelivery> deliveries(int limit) {
        return rows.log(limit);
    }

    private static Set<WebhookEvent> checkedEvents(Set<WebhookEvent> events) {
        if (events.isEmpty()) {
            throw new MonitoringRefused("Choose at least one kind of event for the webhook.");
        }
        if (CurrentTenant.get().isEmpty() && !events.equals(EnumSet.of(WebhookEvent.ALERT_RAISED))) {
            throw new MonitoringRefused("The installation's webhooks receive alerts only.");
        }
        return EnumSet.copyOf(events);
    }

    /** HTTPS, or plain HTTP to a loopback address where the installation allows it. */
    private String checkedUrl(String url) {
        try {
            URI uri = new URI(url);
            if (url.length() > URL_LIMIT || uri.getHost() == null || uri.getUserInfo() != null) {
                throw refused();
            }
            if ("https".equals(uri.getScheme())) {
                return reachable(uri);
            }
            if ("http".equals(uri.getScheme())
                    && properties.webhooksToLoopback()
                    && InetAddress.getByName(uri.getHost()).isLoopbackAddress()) {
                return uri.toString();
            }
            throw refused();
        } catch (URISyntaxException | UnknownHostException e) {
            throw refused();
        }
    }

    private String reachable(URI uri) {
        addresses
                .refusal(uri, CurrentTenant.get().orElse(AuditTrail.OPERATOR_STREAM))
                .ifPresent(why -> {
                    throw new MonitoringRefused("Webhooks cannot post to this address: " + why + ".");
                });
        return uri.toString();
    }

    private static MonitoringRefused refused() {
        return new MonitoringRefused("Give the webhook's full address, starting https://.");
    }
}
