package org.trackwell.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.trackwell.identity.Accounts;
import org.trackwell.support.Api;
import org.trackwell.support.Https;
import org.trackwell.support.MutableClock;
import org.trackwell.support.PageSession;
import org.trackwell.support.TestPostgres;
import org.trackwell.support.TrackwellTest;
import org.trackwell.tenancy.Tenants;

/**
 * E-mail the mail server did not take is kept, sealed, shown to the tenant's admins and tried
 * again until the server is back; after the last try it is given up, and admins try it again or
 * discard it from the page; a server that hangs fails the try within the mail time limits. The
 * mail server here is a GreenMail (or a socket that never answers) the test starts on one port.
 */
@TrackwellTest
class MailOutboxIT {

    private static final int MAIL_PORT = freePort();
    private static final Pattern MESSAGE_ID = Pattern.compile("name=\"message\" value=\"([0-9a-f-]{36})\"");

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("trackwell.test.mail-port", () -> String.valueOf(MAIL_PORT));
    }

    @LocalServerPort
    int port;

    @Autowired
    Tenants tenants;

    @Autowired
    Accounts accounts;

    @Autowired
    Outbox outbox;

    @Autowired
    MutableClock clock;

    @Autowired
    MailProperties properties;

    GreenMail mailServer;
    Api api;
    String admin;
    PageSession page;

    @BeforeEach
    void tenantWithTheMailServerDown() {
        api = Api.newTenant(new Https(port), tenants, accounts, "outbox");
        admin = api.signInAsAdmin();
        page = PageSession.signedIn(api, api.adminEmail(), Api.GOOD_PASSWORD);
    }

    @AfterEach
    void stopTheMailServer() {
        if (mailServer != null) {
            mailServer.stop();
        }
    }

    @Test
    void anInvitationTheServerDidNotTakeIsKeptSealedAndSentWhenTheServerIsBack() {
        String email = "pat@" + api.tenant().slug() + ".test";
        assertThat(Api.read(invite(email)).get("emailed").asBoolean()).isFalse();

        String shown = page.get("/admin/mail").body();
        assertThat(shown).contains(email, "Tried again at", "could not be reached");
        assertThat(storedBytes()).noneMatch(bytes -> contains(bytes, email)).isNotEmpty();
        assertThat(outbox.queue().waiting()).isPositive();

        startTheMailServer();
        outbox.tryDue();
        assertThat(received(email))
                .as("not due yet: the first wait has not passed")
                .isEmpty();

        clock.advance(properties.firstRetry());
        outbox.tryDue();
        assertThat(received(email)).hasSize(1);
        assertThat(page.get("/admin/mail").body()).contains("Every e-mail has been delivered");
    }

    @Test
    void anEmailIsGivenUpAfterItsLastTryAndAnAdminHasItTriedAgainFromThePage() {
        String email = "sam@" + api.tenant().slug() + ".test";
        invite(email);
        tryUntilGivenUp();
        String shown = page().get("/admin/mail").body();
        assertThat(shown).contains("Given up", "<td>" + properties.tries() + "</td>");

        startTheMailServer();
        clock.advance(Duration.ofDays(1));
        outbox.tryDue();
        assertThat(received(email))
                .as("a given-up e-mail is not tried by itself")
                .isEmpty();

        PageSession admin = page();
        HttpResponse<String> tried =
                admin.submitFrom("/admin/mail", "/admin/mail/try-again", "message", messageOn(shown));
        assertThat(tried.statusCode()).isEqualTo(302);
        assertThat(admin.get("/admin/mail").body()).contains("The e-mail was sent.");
        assertThat(received(email)).hasSize(1);
        assertThat(api.auditActions()).contains("mail.tried-again");
    }

    @Test
    void anAdminDiscardsAnEmailAndNoOtherTenantSeesOrTouchesIt() {
        String email = "kim@" + api.tenant().slug() + ".test";
        invite(email);
        String message = messageOn(page.get("/admin/mail").body());

        Api other = Api.newTenant(new Https(port), tenants, accounts, "outbox-other");
        other.signInAsAdmin();
        PageSession otherPage = PageSession.signedIn(other, other.adminEmail(), Api.GOOD_PASSWORD);
        assertThat(otherPage.get("/admin/mail").body()).doesNotContain(email);
        otherPage.submitFrom("/admin/mail", "/admin/mail/discard", "message", message);
        assertThat(otherPage.get("/admin/mail").body()).contains("no longer waiting");
        assertThat(page.get("/admin/mail").body()).contains(email);

        page.submitFrom("/admin/mail", "/admin/mail/discard", "message", message);
        assertThat(page.get("/admin/mail").body())
                .contains("The e-mail was discarded.")
                .doesNotContain(email);
        assertThat(api.auditActions()).contains("mail.discarded");

        startTheMailServer();
        clock.advance(Duration.ofDays(1));
        outbox.tryDue();
        assertThat(received(email)).isEmpty();
    }

    @Test
    void aGivenUpEmailIsDeletedAfterAFewDaysForItMayHoldAClientsAddress() {
        String email = "lee@" + api.tenant().slug() + ".test";
        invite(email);
        tryUntilGivenUp();
        assertThat(page().get("/admin/mail").body()).contains(email);
        clock.advance(properties.keepGivenUpFor().plusMinutes(1));
        outbox.tryDue();
        assertThat(page().get("/admin/mail").body()).doesNotContain(email);
    }

    @Test
    void aMailServerThatAcceptsAndThenSaysNothingDoesNotHoldTheInvitation() throws IOException {
        String email = "ash@" + api.tenant().slug() + ".test";
        try (ServerSocket stalling = new ServerSocket(MAIL_PORT, 50, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> acceptAndSayNothing(stalling));
            HttpResponse<String> invited = invite(email);
            assertThat(invited.statusCode()).isEqualTo(201);
            assertThat(Api.read(invited).get("emailed").asBoolean()).isFalse();
        }
        assertThat(page.get("/admin/mail").body()).contains(email);
    }

    @Test
    void onlyTenantAdminsSeeTheUndeliveredMail() {
        String practitioner = api.newUser(admin, "Lee Practitioner", "PRACTITIONER");
        PageSession practitionerPage = PageSession.signedIn(api, practitioner, Api.GOOD_PASSWORD);
        assertThat(practitionerPage.get("/admin/mail").statusCode()).isEqualTo(403);
    }

    /** Every try after the first fails, each when it is due, until the last. */
    private void tryUntilGivenUp() {
        for (int tried = 1; tried < properties.tries(); tried++) {
            clock.advance(properties.firstRetry().multipliedBy(1L << (tried - 1)));
            outbox.tryDue();
        }
    }

    /** The admin signed in again: moving the clock on ends an idle session. */
    private PageSession page() {
        PageSession admin = PageSession.signedIn(api, api.adminEmail(), Api.GOOD_PASSWORD);
        HttpResponse<String> mail = admin.get("/admin/mail");
        assertThat(mail.statusCode())
                .as("the page of e-mail not delivered: %s %s", mail.headers().map(), mail.body())
                .isEqualTo(200);
        return admin;
    }

    private HttpResponse<String> invite(String email) {
        return api.post(
                "/api/v1/users",
                Api.json(Map.of("email", email, "displayName", "New User", "roles", List.of("PRACTITIONER"))),
                admin);
    }

    private void startTheMailServer() {
        mailServer = new GreenMail(new ServerSetup(MAIL_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mailServer.start();
    }

    private List<String> received(String address) {
        if (mailServer == null) {
            return List.of();
        }
        return Arrays.stream(mailServer.getReceivedMessages())
                .filter(message -> {
                    try {
                        return Arrays.stream(message.getAllRecipients())
                                .anyMatch(to -> to.toString().equalsIgnoreCase(address));
                    } catch (jakarta.mail.MessagingException e) {
                        return false;
                    }
                })
                .map(message -> address)
                .toList();
    }

    private List<byte[]> storedBytes() {
        return JdbcClient.create(TestPostgres.asSuperuser())
                .sql("select recipient || body from mail_outbox where tenant_id = :tenant")
                .param("tenant", api.tenant().id().value())
                .query((row, n) -> row.getBytes(1))
                .list();
    }

    private static boolean contains(byte[] bytes, String text) {
        return new String(bytes, StandardCharsets.ISO_8859_1).contains(text);
    }

    private static String messageOn(String page) {
        Matcher id = MESSAGE_ID.matcher(page);
        assertThat(id.find()).as("a kept e-mail on the page").isTrue();
        return id.group(1);
    }

    /** Takes every connection and never answers, as a mail server that has hung does. */
    private static void acceptAndSayNothing(ServerSocket server) {
        List<Socket> held = new ArrayList<>();
        try {
            while (true) {
                held.add(server.accept());
            }
        } catch (IOException closed) {
            held.forEach(socket -> {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // already gone
                }
            });
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
