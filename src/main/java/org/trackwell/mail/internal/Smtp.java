package org.trackwell.mail.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.trackwell.mail.MailProperties;

/**
 * One try at handing a message to the SMTP server. The log and the outcome never carry the text,
 * only the subject, which is a fixed phrase of the service's.
 */
@Component
public class Smtp {

    private static final Logger log = LoggerFactory.getLogger(Smtp.class);

    /** What one try came to, with the reason in words when the server did not take it. */
    public record Attempt(Result result, String outcome) {}

    public enum Result {
        SENT,
        NOT_CONFIGURED,
        FAILED
    }

    private final ObjectProvider<JavaMailSender> sender;
    private final MailProperties properties;
    private final MeterRegistry meters;
    private final AtomicLong failedSends = new AtomicLong();

    Smtp(ObjectProvider<JavaMailSender> sender, MailProperties properties, MeterRegistry meters) {
        this.sender = sender;
        this.properties = properties;
        this.meters = meters;
    }

    /** How many tries the SMTP server refused or could not be reached for, since this process started. */
    public long failedSends() {
        return failedSends.get();
    }

    public Attempt send(String to, String subject, String text) {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null) {
            log.warn("No SMTP server is configured (spring.mail.host); an e-mail \"{}\" was not sent", subject);
            count("not-sent");
            return new Attempt(Result.NOT_CONFIGURED, "no mail server is set up");
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(properties.from());
        message.setTo(to);
        message.setSubject(subject);
        message.setText(text);
        try {
            mail.send(message);
            count("sent");
            return new Attempt(Result.SENT, "sent");
        } catch (MailException e) {
            failedSends.incrementAndGet();
            log.error(
                    "Sending an e-mail \"{}\" failed: {}", subject, e.getClass().getSimpleName());
            count("failed");
            return new Attempt(Result.FAILED, inWords(e));
        }
    }

    private static String inWords(MailException failure) {
        if (failure instanceof MailAuthenticationException) {
            return "the mail server refused the service's sign-in";
        }
        if (failure instanceof MailSendException) {
            return "the mail server could not be reached or refused the message";
        }
        return "the message could not be prepared for sending";
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
