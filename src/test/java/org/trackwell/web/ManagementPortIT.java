package org.trackwell.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.trackwell.identity.Accounts;
import org.trackwell.support.Api;
import org.trackwell.support.Https;
import org.trackwell.support.MappedRoutes;
import org.trackwell.support.TrackwellTest;
import org.trackwell.tenancy.Tenants;

/**
 * Metrics and health for Prometheus are served on the management port alone, on the loopback: the
 * main HTTPS port has no {@code /actuator} on any host, and the metrics carry route templates and
 * fixed outcomes, never what a request named.
 */
@TrackwellTest
class ManagementPortIT {

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    Tenants tenants;

    @Autowired
    Accounts accounts;

    @Autowired
    ApplicationContext context;

    @Value("${management.metrics.web.server.max-uri-tags}")
    int routesTimed;

    Https https;
    Api api;
    HttpClient plain;

    @BeforeEach
    void tenant() {
        https = new Https(port);
        api = Api.newTenant(https, tenants, accounts, "metrics");
        plain = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    @AfterEach
    void close() {
        https.close();
        plain.close();
    }

    @Test
    void managementPortIsItsOwnAndServesPrometheusAndHealthOnTheLoopback() throws Exception {
        assertThat(managementPort).isPositive().isNotEqualTo(port);

        HttpResponse<String> metrics = management("127.0.0.1", "/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(metrics.body())
                .contains("http_server_requests_seconds_bucket{")
                .contains("hikaricp_connections_active{pool=\"trackwell\"}")
                .contains("trackwell_audit_entries_total{action=\"sign-in.password-set\",outcome=\"success\"}")
                .contains("trackwell_backup_age_seconds")
                .contains("trackwell_backup_restore_check_age_seconds")
                .contains("trackwell_check_finding{check=\"audit-trail\"}")
                .contains("trackwell_check_age_seconds{check=\"schema\"}")
                .contains("trackwell_mail_queue{state=\"waiting\"}")
                .contains("trackwell_mail_queue{state=\"given-up\"}");
        assertThat(metrics.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

        HttpResponse<String> health = management("127.0.0.1", "/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void managementPortListensOnlyOnItsLoopbackAddress() {
        // 127.0.0.2 is the loopback too: a server bound to every address would answer there.
        assertThatThrownBy(() -> management("127.0.0.2", "/actuator/prometheus"))
                .isInstanceOf(ConnectException.class);
    }

    @Test
    void managementPortAnswersNothingButItsTwoEndpoints() throws Exception {
        for (String path : new String[] {
            "/", "/actuator", "/actuator/env", "/actuator/beans", "/actuator/metrics", "/actuator/heapdump", "/health"
        }) {
            assertThat(management("127.0.0.1", path).statusCode()).as(path).isEqualTo(404);
        }
        HttpResponse<String> post = plain.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/actuator/prometheus"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isIn(404, 405);
    }

    @Test
    void mainPortHasNoActuatorOnAnyHostSignedInOrNot() {
        String token = api.signInAsAdmin();
        for (String path : new String[] {
            "/actuator", "/actuator/prometheus", "/actuator/health", "/actuator/env", "/actuator/heapdump"
        }) {
            for (String host : new String[] {api.host(), "localhost", "unknown.localhost"}) {
                assertThat(https.get(host, path).statusCode()).as(host + path).isEqualTo(404);
            }
            assertThat(https.get(api.host(), path, "Authorization", "Bearer " + token)
                            .statusCode())
                    .as("signed in " + path)
                    .isEqualTo(404);
        }
    }

    @Test
    void metricsNameRoutesAndOutcomesButNeverWhatARequestCarried() throws Exception {
        String before = management("127.0.0.1", "/actuator/prometheus").body();
        String token = api.signInAsAdmin();
        api.get("/api/v1/clients/QXZ-MARKER7", token);
        api.login(api.adminEmail(), "wrong-password-MARKER-pw");
        api.login("nobody-MARKER@example.org", "another-MARKER-pw");
        api.post("/api/v1/auth/password-reset", Api.json("email", api.adminEmail()), null);
        String body = management("127.0.0.1", "/actuator/prometheus").body();

        assertThat(body).contains("uri=\"/api/v1/clients/{code}\"").contains("uri=\"/api/v1/auth/login\"");
        // Other tests in the same context sign in and send mail too: counts are compared, not read as digits.
        assertThat(count(body, "trackwell_sign_ins_total{outcome=\"signed-in\"}"))
                .isGreaterThanOrEqualTo(count(before, "trackwell_sign_ins_total{outcome=\"signed-in\"}") + 1);
        assertThat(count(body, "trackwell_sign_ins_total{outcome=\"failed\"}"))
                .isGreaterThanOrEqualTo(count(before, "trackwell_sign_ins_total{outcome=\"failed\"}") + 2);
        assertThat(count(body, "trackwell_mail_messages_total{outcome=\"sent\"}"))
                .isGreaterThanOrEqualTo(count(before, "trackwell_mail_messages_total{outcome=\"sent\"}") + 1);
        assertThat(body.toLowerCase(java.util.Locale.ROOT))
                .doesNotContain("marker")
                .doesNotContain(api.tenant().slug())
                .doesNotContain(api.adminEmail());
    }

    /** A counter's value in Prometheus' text, 0 before it is first counted. */
    @Test
    void everyRouteCanBeTimedWithRoomToGrow() {
        // Spring Boot drops the latency of every route first met after its cap (100 by default).
        long templates = MappedRoutes.of(context).stream()
                .map(route -> route.substring(route.indexOf(' ') + 1))
                .distinct()
                .count();
        // The words for requests no route matched, and the static files' /**, are labels too.
        assertThat(templates + 5).isLessThan(routesTimed / 2);
    }

    private static double count(String metrics, String series) {
        Matcher line =
                Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(metrics);
        return line.find() ? Double.parseDouble(line.group(1)) : 0;
    }

    private HttpResponse<String> management(String address, String path) throws IOException, InterruptedException {
        return plain.send(
                HttpRequest.newBuilder(URI.create("http://" + address + ":" + managementPort + path))
                        .timeout(Duration.ofSeconds(30))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
