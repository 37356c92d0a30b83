package org.trackwell.mail;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.trackwell.audit.AuditTrail;
import org.trackwell.mail.internal.Smtp;
import org.trackwell.shared.CurrentTenant;
import org.trackwell.shared.TenantId;

/**
 * Sends plain-text e-mail. Inside a transaction the message leaves only after the commit, so no
 * e-mail announces something that was rolled back. A message the SMTP server refuses or cannot be
 * reached for is kept in the {@link Outbox} and tried again. Without an SMTP server configured
 * ({@code spring.mail.host}) messages are dropped with a log line that never carries their text.
 */
@Service
public class Mailer {

    private final Smtp smtp;
    private final Outbox outbox;

    Mailer(Smtp smtp, Outbox outbox) {
        this.smtp = smtp;
        this.outbox = outbox;
    }

    /** How many tries the SMTP server refused or could not be reached for, since this process started. */
    public long failedSends() {
        return smtp.failedSends();
    }

    /** Sends now, or after the commit of the current transaction; the result says what became of the first try. */
    public Delivery send(String to, String subject, String text) {
        Delivery delivery = new Delivery();
        TenantId stream = CurrentTenant.get().orElse(AuditTrail.OPERATOR_STREAM);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    delivery.settle(deliver(stream, to, subject, text));
                }
            });
        } else {
            delivery.settle(deliver(stream, to, subject, text));
        }
        return delivery;
    }

    private Delivery.Status deliver(TenantId stream, String to, String subject, String text) {
        Smtp.Attempt attempt = smtp.send(to, subject, text);
        return switch (attempt.result()) {
            case SENT -> Delivery.Status.SENT;
            case NOT_CONFIGURED -> Delivery.Status.NOT_CONFIGURED;
            case FAILED -> {
                outbox.keep(stream, to, subject, text, attempt.outcome());
                yield Delivery.Status.FAILED;
            }
        };
    }
}
