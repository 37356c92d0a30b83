package org.trackwell.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.trackwell.identity.Accounts;
import org.trackwell.support.Api;
import org.trackwell.support.Https;
import org.trackwell.support.TrackwellTest;
import org.trackwell.tenancy.Tenants;

/**
 * docs/examples/weekly-scores.sh, run as an integrator would (bash, curl and jq) against the live
 * service with a service account's key: it prints this week's scores of its team's clients.
 */
@TrackwellTest
class WeeklyScoresExampleIT {

    @LocalServerPort
    int port;

    @Autowired
    Tenants tenants;

    @Autowired
    Accounts accounts;

    @TempDir
    Path temporary;

    @Test
    void theExampleScriptPullsTheWeeksScores() throws Exception {
        try (Https https = new Https(port)) {
            Api api = Api.newTenant(https, tenants, accounts, "weekly");
            String admin = api.signInAsAdmin();
            String team = api.newTeam(admin, "North");
            String clinician =
                    api.signIn(api.newUserInTeam(admin, "Nia North", team, "PRACTITIONER"), Api.GOOD_PASSWORD);
            String code = scoredClient(api, clinician, team);
            HttpResponse<String> created = api.post(
                    "/api/v1/api-clients",
                    Api.json(Map.of(
                            "name", "Weekly report",
                            "scopes", List.of("clients:read", "outcomes:read"),
                            "teams", List.of(team),
                            "expiresOn",
                                    LocalDate.now(ZoneId.of("Europe/London"))
                                            .plusDays(7)
                                            .toString())),
                    admin);
            String key = Api.read(created).get("key").asString();

            ProcessBuilder run = new ProcessBuilder("bash", "docs/examples/weekly-scores.sh")
                    .redirectError(temporary.resolve("stderr").toFile())
                    .redirectOutput(temporary.resolve("stdout").toFile());
            // The test certificate's *.localhost is a wildcard over a top-level name, which curl
            // (OpenSSL) never matches: reach the service as localhost and name the tenant's host.
            run.environment().put("TRACKWELL_URL", "https://localhost:" + port);
            run.environment().put("TRACKWELL_HOST", api.host());
            run.environment().put("TRACKWELL_KEY", key);
            run.environment().put("TRACKWELL_CA", serverCertificate().toString());
            Process script = run.start();
            script.getOutputStream().close();
            assertThat(script.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(script.exitValue())
                    .as(Files.readString(temporary.resolve("stderr")))
                    .isZero();
            assertThat(Files.readAllLines(temporary.resolve("stdout")))
                    .first()
                    .isEqualTo("client,measure,score,band,recorded_at");
            assertThat(Files.readAllLines(temporary.resolve("stdout")))
                    .anySatisfy(line -> assertThat(line).startsWith("\"" + code + "\",\"PHQ-9\",18,"));
        }
    }

    private static String scoredClient(Api api, String clinician, String team) {
        String code = Api.read(api.post("/api/v1/clients", Api.json(Map.of("teamId", team)), clinician))
                .get("code")
                .asString();
        api.post(
                "/api/v1/clients/" + code + "/episodes",
                Api.json(Map.of("referredOn", LocalDate.now().minusDays(30).toString())),
                clinician);
        String session = Api.read(api.post(
                        "/api/v1/clients/" + code + "/sessions",
                        Api.json(Map.of(
                                "startsAt",
                                        java.time.Instant.now()
                                                .minusSeconds(3600)
                                                .toString(),
                                "type", "TREATMENT",
                                "mode", "FACE_TO_FACE",
                                "attendance", "ATTENDED")),
                        clinician))
                .get("id")
                .asString();
        Map<String, Integer> answers = new LinkedHashMap<>();
        for (int item = 1; item <= 9; item++) {
            answers.put(Integer.toString(item), 2);
        }
        HttpResponse<String> answered = api.post(
                "/api/v1/clients/" + code + "/sessions/" + session + "/measures",
                Api.json(Map.of("measure", "PHQ-9", "answers", answers)),
                clinician);
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(201);
        return code;
    }

    /** The certificate the server presents, as a file curl can trust. */
    private Path serverCertificate() throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new TrustAll()}, null);
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port)) {
            socket.startHandshake();
            Certificate presented = socket.getSession().getPeerCertificates()[0];
            String pem = "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(presented.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
            Path file = temporary.resolve("server.pem");
            Files.writeString(file, pem);
            return file;
        }
    }

    private static final class TrustAll implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
