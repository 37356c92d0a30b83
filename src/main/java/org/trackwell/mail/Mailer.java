package org.trackwell.mail;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends plain-text e-mail. Inside a transaction the message leaves only after the commit, so no
 * e-mail announces something that was rolled back. Without an SMTP server configured
 * ({@code spring.mail.host}) messages are dropped with a log line that never carries their text.
 * Failed sends are counted for health and monitoring; nothing retries them yet.
 */
@Service
public class Mailer {

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);

    private final ObjectProvider<JavaMailSender> sender;
    private final String from;
    private final AtomicLong failedSends = new AtomicLong();
    private final MeterRegistry meters;

    Mailer(
            ObjectProvider<JavaMailSender> sender,
            @Value("${trackwell.mail.from:trackwell@localhost}") String from,
            MeterRegistry meters) {
        this.sender = sender;
        this.from = from;
        this.meters = meters;
    }

    /** How many messages the SMTP server refused or could not be reached for, since this process started. */
    public long failedSends() {
        return failedSends.get();
    }

    /** Sends now, or after the commit of the current transaction; the result says what became of it. */
    public Delivery send(String to, String subject, String text) {
        Delivery delivery = new Delivery();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    delivery.settle(deliver(to, subject, text));
                }
            });
        } else {
            delivery.settle(deliver(to, subject, text));
        }
        return delivery;
    }

    private Delivery.Status deliver(String to, String subject, String text) {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null) {
            log.warn("No SMTP server is configured (spring.mail.host); an e-mail \"{}\" was not sent", subject);
            count("not-sent");
            return Delivery.Status.NOT_CONFIGURED;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to);
        message.setSubject(subject);
        message.setText(text);
        try {
            mail.send(message);
            count("sent");
            return Delivery.Status.SENT;
        } catch (MailException e) {
            failedSends.incrementAndGet();
            log.error(
                    "Sending an e-mail \"{}\" failed: {}", subject, e.getClass().getSimpleName());
            count("failed");
            return Delivery.Status.FAILED;
        }
    }

    /** Messages by what became of them: sent, failed (the server refused or could not be reached), not sent (no server). */
    private void count(String outcome) {
        Counter.builder("trackwell.mail.messages")
                .description("E-mail messages by what became of them")
                .tag("outcome", outcome)
                .register(meters)
                .increment();
    }
}
