package org.trackwell.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.trackwell.identity.Accounts;
import org.trackwell.identity.SessionCookie;
import org.trackwell.support.Api;
import org.trackwell.support.Https;
import org.trackwell.support.TrackwellTest;
import org.trackwell.tenancy.Tenants;

/**
 * With Trackwell's own logging at DEBUG, a marker of its own is written through every free-text
 * field of {@link FreeTextSealedIT#FIELDS} (plain, and inside text that looks identifying), every
 * identifier a client can have, the searches by identifier, a wrong password, a new password, an
 * unknown e-mail and made-up tokens and codes; then neither a marker nor a real token issued on
 * the way is anywhere in the log.
 */
@TrackwellTest
@ExtendWith(OutputCaptureExtension.class)
class LogsCarryNoClientDataIT {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String GREENMAIL = "com.icegreen.greenmail";

    @LocalServerPort
    int port;

    @Autowired
    Tenants tenants;

    @Autowired
    Accounts accounts;

    @Autowired
    LoggingSystem logging;

    /** Everything that must never be logged, each distinctive enough to be found only where it was written. */
    final List<String> secrets = new ArrayList<>();

    @BeforeEach
    void debug() {
        logging.setLogLevel("org.trackwell", LogLevel.DEBUG);
        // The tests' own SMTP server notes each recipient it meets; it is no part of Trackwell.
        logging.setLogLevel(GREENMAIL, LogLevel.WARN);
    }

    @AfterEach
    void quiet() {
        logging.setLogLevel("org.trackwell", null);
        logging.setLogLevel(GREENMAIL, null);
    }

    @Test
    void nothingWrittenThroughTheApiNorAnyTokenReachesTheLog(CapturedOutput output) {
        FreeTextSealedIT.Service service =
                new FreeTextSealedIT.Service(Api.newTenant(new Https(port), tenants, accounts, "logs"));
        Api api = service.api;
        secrets.add(service.practitioner);
        secrets.add(Api.GOOD_PASSWORD);

        for (FreeTextSealedIT.FreeText field : FreeTextSealedIT.FIELDS) {
            String marker = keep(marker());
            assertThat(field.write().write(service, marker, false).statusCode())
                    .as(field.column())
                    .isBetween(200, 299);
            if (field.warns()) {
                String identifying = FreeTextSealedIT.IDENTIFYING + " " + keep(marker());
                assertThat(field.write().write(service, identifying, false).statusCode())
                        .as(field.column() + " warns")
                        .isEqualTo(422);
                assertThat(field.write().write(service, identifying, true).statusCode())
                        .as(field.column() + " saved once meant")
                        .isBetween(200, 299);
            }
        }

        String admin = keep(api.signInAsAdmin());
        ok(api.put(
                "/api/v1/client-settings",
                Api.json(Map.of(
                        "identifiers",
                        List.of("NAME", "DATE_OF_BIRTH", "NHS_NUMBER", "ADDRESS", "EMAIL", "PHONE"),
                        "demographics",
                        List.of("GENDER", "FIRST_LANGUAGE", "PRESENTING_PROBLEMS", "CURRENT_MEDICATION"))),
                admin));
        String nhsNumber = keep(nhsNumber());
        keep(nhsNumber.replace(" ", ""));
        String email = keep(marker() + "@example.org");
        String phone = keep("07700 9" + digits(5));
        keep(phone.replace(" ", ""));
        String reference = keep(marker());
        Map<String, String> identifiers = Map.of(
                "name",
                keep(marker()) + " " + keep(marker()),
                "nhsNumber",
                nhsNumber,
                "email",
                email,
                "phone",
                phone,
                "dateOfBirth",
                keep("1911-02-03"),
                "address",
                keep(marker()) + " Road");
        HttpResponse<String> client = ok(api.post(
                "/api/v1/clients",
                Api.json(Map.of(
                        "teamId",
                        service.team,
                        "reference",
                        reference,
                        "identifiers",
                        identifiers,
                        "demographics",
                        Map.of("FIRST_LANGUAGE", keep(marker()), "GENDER", "Woman"))),
                service.practitioner));
        String code = Api.read(client).get("code").asString();
        ok(api.get("/api/v1/clients/search?nhsNumber=" + nhsNumber.replace(" ", ""), service.practitioner));
        ok(api.get("/api/v1/clients/search?email=" + email, service.practitioner));
        ok(api.get("/api/v1/clients/search?reference=" + reference, service.practitioner));
        String wrongNhsNumber = keep(digits(10));
        api.post(
                "/api/v1/clients",
                Api.json(Map.of("teamId", service.team, "identifiers", Map.of("nhsNumber", wrongNhsNumber))),
                service.practitioner);
        api.put(
                "/api/v1/clients/" + code,
                Api.json(Map.of("identifiers", Map.of("email", keep(marker()) + "-not-an-email"))),
                service.practitioner);

        signInAttempts(api, admin);
        clientLinks(api, service.practitioner, code);

        String log = output.getAll();
        assertThat(log).doesNotContain(FreeTextSealedIT.IDENTIFYING);
        for (String secret : secrets) {
            assertThat(log)
                    .as("the log carries something written through the API")
                    .doesNotContain(secret);
        }
    }

    /** Wrong and new passwords, unknown e-mails, made-up tokens and codes, in every sign-in step. */
    private void signInAttempts(Api api, String admin) {
        api.login(api.adminEmail(), keep("wrong " + marker()));
        api.login(keep(marker() + "@example.org"), keep(marker()));
        HttpResponse<String> invited = ok(api.post(
                "/api/v1/users",
                Api.json(Map.of(
                        "email", keep(marker() + "@example.org"),
                        "displayName", "Sam Staff",
                        "roles", List.of("PRACTITIONER"))),
                admin));
        String setupToken = keep(Api.tokenOf(Api.read(invited).get("setupLink").asString()));
        String password = keep("violet tractor " + marker());
        assertThat(api.setup(setupToken, password).statusCode()).isEqualTo(204);
        api.setup(keep(marker()), keep("violet lagoon " + marker()));
        api.post("/api/v1/auth/login/mfa", Api.json(Map.of("challenge", keep(marker()), "code", "123456")), null);
        api.post("/api/v1/auth/password-reset", Api.json(Map.of("email", api.adminEmail())), null);
        api.post("/api/v1/auth/password-reset", Api.json(Map.of("email", keep(marker() + "@example.org"))), null);
        api.post(
                "/api/v1/auth/password-reset/complete",
                Api.json(Map.of("token", keep(marker()), "password", keep("lagoon sunrise " + marker()))),
                null);
        api.get("/api/v1/me", keep(marker()));
        api.https().get(api.host(), "/", "Cookie", SessionCookie.NAME + "=" + keep(marker()));
    }

    /** A real chart link's token, a wrong PIN and a made-up token. */
    private void clientLinks(Api api, String practitioner, String code) {
        HttpResponse<String> link = ok(api.post("/api/v1/clients/" + code + "/chart-links", "{}", practitioner));
        String url = Api.read(link).get("url").asString();
        String token = keep(url.substring(url.lastIndexOf('/') + 1));
        api.post("/api/v1/client-links/" + token + "/charts", Api.json(Map.of("pin", "000000")), null);
        api.get("/api/v1/client-links/" + keep(marker()), null);
    }

    private String keep(String secret) {
        secrets.add(secret);
        return secret;
    }

    private static HttpResponse<String> ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return response;
    }

    /** Lower-case letters only, which nothing takes for a name, a date or a number. */
    private static String marker() {
        StringBuilder marker = new StringBuilder("logmark");
        for (int i = 0; i < 16; i++) {
            marker.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return marker.toString();
    }

    private static String digits(int count) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < count; i++) {
            digits.append(RANDOM.nextInt(10));
        }
        return digits.toString();
    }

    /** A valid NHS number (modulus 11), as usually written. */
    private static String nhsNumber() {
        while (true) {
            String first = digits(9);
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                sum += (first.charAt(i) - '0') * (10 - i);
            }
            int check = 11 - sum % 11;
            if (check == 11) {
                check = 0;
            }
            if (check != 10) {
                String number = first + check;
                return number.substring(0, 3) + " " + number.substring(3, 6) + " " + number.substring(6);
            }
        }
    }
}
