package org.trackwell.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

class MailerTest {

    @Test
    void countsAMessageTheSmtpServerCouldNotBeReachedFor() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        JavaMailSenderImpl unreachable = new JavaMailSenderImpl();
        unreachable.setHost("127.0.0.1");
        unreachable.setPort(closedPort);
        Mailer mailer = new Mailer(
                new StaticListableBeanFactory(Map.of("mail", unreachable)).getBeanProvider(JavaMailSender.class),
                "trackwell@localhost",
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry());

        mailer.send("ops@example.org", "Trackwell alert", "text");

        assertThat(mailer.failedSends()).isEqualTo(1);
    }
}
