package org.trackwell.monitoring.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.trackwell.database.ClusterJobs;
import org.trackwell.database.TenantTransactions;
import org.trackwell.keys.InstallationSecrets;
import org.trackwell.monitoring.MonitoringProperties;
import org.trackwell.shared.TenantId;
import org.trackwell.tenancy.Tenants;

/**
 * Posts queued events to their webhooks, signed with HMAC-SHA256 over a timestamp and the body
 * ({@link #TIMESTAMPED_SIGNATURE}, which lets a receiver refuse replays), and over the body alone
 * ({@link #SIGNATURE}, kept for the receivers of alert webhooks made before). A delivery that
 * fails is tried again after a wait that doubles each time, and given up after the configured
 * number of tries; the waits are times in the table, read against the clock, never sleeps.
 */
@Component
public class WebhookSender {

    public static final String SIGNATURE = "X-Trackwell-Signature";
    public static final String TIMESTAMPED_SIGNATURE = "X-Trackwell-Signature-256";
    public static final String TIMESTAMP = "X-Trackwell-Timestamp";
    public static final String EVENT = "X-Trackwell-Event";
    public static final String DELIVERY = "X-Trackwell-Delivery";
    private static final int BATCH = 20;

    private final ClusterJobs jobs;
    private final Duration interval;
    private final WebhookRows rows;
    private final WebhookAddresses addresses;
    private final InstallationSecrets secrets;
    private final TenantTransactions transactions;
    private final Tenants tenants;
    private final MonitoringProperties properties;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    WebhookSender(
            WebhookRows rows,
            WebhookAddresses addresses,
            InstallationSecrets secrets,
            TenantTransactions transactions,
            Tenants tenants,
            MonitoringProperties properties,
            Clock clock,
            ClusterJobs jobs,
            @Value("${trackwell.monitoring.webhook-poll:5s}") Duration interval) {
        this.jobs = jobs;
        this.interval = interval;
        this.rows = rows;
        this.addresses = addresses;
        this.secrets = secrets;
        this.transactions = transactions;
        this.tenants = tenants;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${trackwell.monitoring.webhook-poll:5s}")
    void onSchedule() {
        jobs.runOnce("webhooks", interval, this::deliverDue);
    }

    /** Delivers what is due in every stream; returns how many attempts were made. */
    public int deliverDue() {
        int attempts = 0;
        for (TenantId stream : tenants.streams()) {
            attempts += transactions.inTenant(stream, () -> deliverDueInStream(stream));
        }
        return attempts;
    }

    private int deliverDueInStream(TenantId stream) {
        Instant now = clock.instant();
        List<WebhookRows.Due> due = rows.due(now, BATCH);
        for (WebhookRows.Due delivery : due) {
            String secret = secrets.open(
                    "monitoring_webhook",
                    "secret",
                    WebhookRows.secretRow(stream.value(), delivery.webhookId()),
                    delivery.secret());
            URI address = URI.create(delivery.url());
            String outcome = addresses
                    .refusal(address, stream)
                    .map(why -> "not sent: " + why)
                    .orElseGet(() -> post(address, delivery, secret, now));
            if (outcome.startsWith("HTTP 2")) {
                rows.attempted(delivery.id(), outcome, now, null);
            } else {
                int tried = delivery.attempts() + 1;
                Instant next = tried >= properties.webhookRetries()
                        ? null
                        : now.plus(properties.webhookFirstRetry().multipliedBy(1L << Math.min(tried - 1, 20)));
                rows.attempted(delivery.id(), outcome, null, next);
            }
        }
        return due.size();
    }

    private String post(URI address, WebhookRows.Due delivery, String secret, Instant now) {
        String body = delivery.body();
        String timestamp = Long.toString(now.getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(address)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header(EVENT, delivery.eventType())
                .header(DELIVERY, delivery.id().toString())
                .header(TIMESTAMP, timestamp)
                .header(TIMESTAMPED_SIGNATURE, "sha256=" + sign(secret, timestamp + "." + body))
                .header(SIGNATURE, "sha256=" + sign(secret, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            return "HTTP "
                    + http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            return "no answer";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** The hex HMAC-SHA256 of {@code signed} under the webhook's secret. */
    public static String sign(String secret, String signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
