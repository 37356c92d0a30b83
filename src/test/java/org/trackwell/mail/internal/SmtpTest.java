package org.trackwell.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.trackwell.mail.MailProperties;

class SmtpTest {

    private static final MailProperties PROPERTIES =
            new MailProperties("trackwell@localhost", Duration.ofMinutes(2), 6, Duration.ofDays(3));

    @Test
    void countsATryTheSmtpServerCouldNotBeReachedForAndSaysSoInWords() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        JavaMailSenderImpl unreachable = new JavaMailSenderImpl();
        unreachable.setHost("127.0.0.1");
        unreachable.setPort(closedPort);
        Smtp smtp = new Smtp(
                new StaticListableBeanFactory(Map.of("mail", unreachable)).getBeanProvider(JavaMailSender.class),
                PROPERTIES,
                new SimpleMeterRegistry());

        Smtp.Attempt attempt = smtp.send("ops@example.org", "Trackwell alert", "text");

        assertThat(attempt.result()).isEqualTo(Smtp.Result.FAILED);
        assertThat(attempt.outcome()).isEqualTo("the mail server could not be reached or refused the message");
        assertThat(smtp.failedSends()).isEqualTo(1);
    }

    @Test
    void withoutAMailServerSetUpNothingIsTried() {
        Smtp smtp = new Smtp(
                new StaticListableBeanFactory(Map.of()).getBeanProvider(JavaMailSender.class),
                PROPERTIES,
                new SimpleMeterRegistry());

        assertThat(smtp.send("ops@example.org", "Trackwell alert", "text").result())
                .isEqualTo(Smtp.Result.NOT_CONFIGURED);
        assertThat(smtp.failedSends()).isZero();
    }
}
