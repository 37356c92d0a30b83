package org.trackwell.monitoring.internal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.trackwell.identity.AccountStatus;
import org.trackwell.identity.Accounts;
import org.trackwell.identity.Operators;
import org.trackwell.identity.Role;
import org.trackwell.identity.User;
import org.trackwell.mail.Mailer;
import org.trackwell.monitoring.Alert;
import org.trackwell.monitoring.WebhookEvent;
import org.trackwell.shared.Ids;
import org.trackwell.shared.TenantId;
import org.trackwell.tenancy.Tenants;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends a new alert on: by e-mail to the operators (installation alerts) or the tenant's active
 * admins, after the alert commits; and to every webhook of its stream that receives alerts,
 * queued for {@link WebhookSender} in the body alert webhooks have always had (docs/api.md). Runs inside the stream's transaction.
 */
@Component
public class Notifications {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Mailer mailer;
    private final Operators operators;
    private final Accounts accounts;
    private final WebhookRows webhooks;
    private final Ids ids;
    private final Clock clock;
    private final Tenants tenants;

    Notifications(
            Mailer mailer,
            Operators operators,
            Accounts accounts,
            WebhookRows webhooks,
            Ids ids,
            Clock clock,
            Tenants tenants) {
        this.tenants = tenants;
        this.mailer = mailer;
        this.operators = operators;
        this.accounts = accounts;
        this.webhooks = webhooks;
        this.ids = ids;
        this.clock = clock;
    }

    public void send(Optional<TenantId> tenant, Alert alert) {
        String subject = "Trackwell alert: " + alert.subject();
        String text =
                alert.what() + "\n\nWhen: " + alert.happenedAt() + (alert.who() == null ? "" : "\nWho: " + alert.who())
                        + entries(tenant, alert)
                        + "\n\nSee the alerts page to acknowledge it, and docs/monitoring.md for what to do.";
        for (String to : recipients(tenant)) {
            mailer.send(to, subject, text);
        }
        String body = body(tenant, alert);
        for (WebhookRows.Stored webhook : webhooks.receiving(WebhookEvent.ALERT_RAISED)) {
            webhooks.enqueue(
                    ids.next(), webhook.id(), WebhookEvent.ALERT_RAISED, alert.id(), alert.id(), body, clock.instant());
        }
    }

    /** The audit entries the alert rests on, and for a tenant's admins a link to the audit page showing them. */
    private String entries(Optional<TenantId> tenant, Alert alert) {
        if (alert.auditEntries().isEmpty()) {
            return "";
        }
        String ids = alert.auditEntries().stream().map(Object::toString).collect(Collectors.joining(", "));
        String link = tenant.flatMap(tenants::byId)
                .map(found -> "\nThe audit page showing them: " + tenants.baseUrl(found) + "/audit?"
                        + alert.auditEntries().stream().map(id -> "entry=" + id).collect(Collectors.joining("&")))
                .orElse("");
        return "\nAudit entries: " + ids + link;
    }

    private List<String> recipients(Optional<TenantId> tenant) {
        if (tenant.isEmpty()) {
            return operators.emails();
        }
        return accounts.list().stream()
                .filter(user ->
                        user.status() == AccountStatus.ACTIVE && user.roles().contains(Role.TENANT_ADMIN))
                .map(User::email)
                .toList();
    }

    private static String body(Optional<TenantId> tenant, Alert alert) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("alert", alert.id().toString());
        body.put("scope", tenant.isPresent() ? "tenant" : "installation");
        body.put("rule", alert.rule());
        body.put("subject", alert.subject());
        body.put("what", alert.what());
        if (alert.who() != null) {
            body.put("who", alert.who());
        }
        body.put("happenedAt", alert.happenedAt().toString());
        body.put(
                "auditEntries",
                alert.auditEntries().stream().map(Object::toString).toList());
        return JSON.writeValueAsString(body);
    }
}
