package org.trackwell.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** One real SMTP server (GreenMail) for the whole test run. */
public final class TestMail {

    private static GreenMail server;

    private TestMail() {}

    public static synchronized int port() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
        }
        return server.getSmtp().getPort();
    }

    /** Waits briefly for a message to {@code address} and returns every message sent to it. */
    public static List<MimeMessage> to(String address) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (true) {
            List<MimeMessage> messages = Arrays.stream(server.getReceivedMessages())
                    .filter(message -> recipientIs(message, address))
                    .toList();
            if (!messages.isEmpty() || System.nanoTime() > deadline) {
                return messages;
            }
            server.waitForIncomingEmail(200, 1);
        }
    }

    public static String text(MimeMessage message) {
        try {
            return message.getContent().toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean recipientIs(MimeMessage message, String address) {
        try {
            return Arrays.stream(message.getAllRecipients())
                    .anyMatch(r -> r.toString().equalsIgnoreCase(address));
        } catch (Exception e) {
            return false;
        }
    }
}
