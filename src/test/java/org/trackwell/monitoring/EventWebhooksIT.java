package org.trackwell.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.trackwell.identity.Accounts;
import org.trackwell.monitoring.internal.WebhookSender;
import org.trackwell.support.Api;
import org.trackwell.support.Https;
import org.trackwell.support.MutableClock;
import org.trackwell.support.PageSession;
import org.trackwell.support.TrackwellTest;
import org.trackwell.tenancy.Tenants;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Product events posted to a tenant's webhooks, from the outside: a receiver on loopback checks
 * each post's timestamped signature as docs/api.md tells integrators to, and sees only what it
 * subscribed to, with pseudonymous data only.
 */
@TrackwellTest
@TestPropertySource(properties = "trackwell.monitoring.webhooks-to-loopback=true")
class EventWebhooksIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<Post> RECEIVED = new CopyOnWriteArrayList<>();
    private static final AtomicInteger FAILURES_TO_ANSWER = new AtomicInteger();
    private static HttpServer receiver;

    @LocalServerPort
    int port;

    @Autowired
    Tenants tenants;

    @Autowired
    Accounts accounts;

    @Autowired
    WebhookSender sender;

    @Autowired
    MutableClock clock;

    record Post(String path, String body, String event, String timestamp, String signature, String oldSignature) {}

    @BeforeAll
    static void receiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            var headers = exchange.getRequestHeaders();
            RECEIVED.add(new Post(
                    exchange.getRequestURI().getPath(),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                    headers.getFirst(WebhookSender.EVENT),
                    headers.getFirst(WebhookSender.TIMESTAMP),
                    headers.getFirst(WebhookSender.TIMESTAMPED_SIGNATURE),
                    headers.getFirst(WebhookSender.SIGNATURE)));
            exchange.sendResponseHeaders(FAILURES_TO_ANSWER.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 500 : 204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void postsASignedPseudonymousScoreOnlyToItsSubscribersAndRetriesAFailedPost() {
        try (Https https = new Https(port)) {
            Api api = Api.newTenant(https, tenants, accounts, "events");
            String admin = api.signInAsAdmin();
            String scores = subscribe(api, admin, "/scores", "score.recorded");
            subscribe(api, admin, "/doses", "dose.missed");
            String team = api.newTeam(admin, "North");
            String clinician =
                    api.signIn(api.newUserInTeam(admin, "Nia North", team, "PRACTITIONER"), Api.GOOD_PASSWORD);
            RECEIVED.clear();
            FAILURES_TO_ANSWER.set(1);

            String code = scoredClient(api, clinician, team);
            sender.deliverDue();
            assertThat(RECEIVED)
                    .singleElement()
                    .satisfies(post -> assertThat(post.path()).isEqualTo("/scores"));
            String deliveries = api.get("/api/v1/webhooks/deliveries", admin).body();
            assertThat(deliveries).contains("\"state\":\"retrying\"").contains("HTTP 500");

            clock.advance(Duration.ofMinutes(1));
            sender.deliverDue();
            assertThat(RECEIVED)
                    .hasSize(2)
                    .allSatisfy(post -> assertThat(post.path()).isEqualTo("/scores"));
            Post post = RECEIVED.get(1);
            assertThat(post.event()).isEqualTo("score.recorded");
            assertThat(post.signature())
                    .isEqualTo("sha256=" + WebhookSender.sign(scores, post.timestamp() + "." + post.body()));
            assertThat(Math.abs(clock.instant().getEpochSecond() - Long.parseLong(post.timestamp())))
                    .isLessThanOrEqualTo(300);
            assertThat(post.oldSignature()).isEqualTo("sha256=" + WebhookSender.sign(scores, post.body()));

            JsonNode event = JSON.readTree(post.body());
            assertThat(event.get("type").asString()).isEqualTo("score.recorded");
            assertThat(event.get("version").asInt()).isEqualTo(1);
            assertThat(post.body())
                    .as("a retry posts the same event")
                    .isEqualTo(RECEIVED.get(0).body());
            assertThat(event.get("tenant").asString())
                    .isEqualTo(api.tenant().id().value().toString());
            JsonNode data = event.get("data");
            assertThat(data.get("code").asString()).isEqualTo(code);
            assertThat(data.get("measure").asString()).isEqualTo("PHQ-9");
            assertThat(data.get("total").asDouble()).isEqualTo(18.0);
            assertThat(data.propertyNames())
                    .containsExactlyInAnyOrder(
                            "administration",
                            "client",
                            "code",
                            "session",
                            "measure",
                            "measureVersion",
                            "total",
                            "band",
                            "isCase",
                            "completedBy");
            assertThat(api.get("/api/v1/webhooks/deliveries", admin).body()).contains("\"state\":\"delivered\"");
        }
    }

    @Test
    void refusesAnEventKindThereIsNot() {
        try (Https https = new Https(port)) {
            Api api = Api.newTenant(https, tenants, accounts, "noevent");
            String admin = api.signInAsAdmin();
            HttpResponse<String> refused = api.post(
                    "/api/v1/webhooks",
                    Api.json(Map.of(
                            "url",
                            "http://127.0.0.1:" + receiver.getAddress().getPort() + "/x",
                            "events",
                            List.of("client.renamed"))),
                    admin);
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("client.renamed");
            assertThat(Api.read(api.get("/api/v1/webhooks", admin))).isEmpty();
        }
    }

    @Test
    void postsClientsAddedAndExportsFinishedWithoutClientDetails() {
        try (Https https = new Https(port)) {
            Api api = Api.newTenant(https, tenants, accounts, "exportevents");
            String admin = api.signInAsAdmin();
            subscribe(api, admin, "/exports", "client.created", "export.finished");
            String team = api.newTeam(admin, "North");
            String manager = api.signIn(api.newUserInTeam(admin, "Mo North", team, "MANAGER"), Api.GOOD_PASSWORD);
            String code = Api.read(api.post("/api/v1/clients", Api.json(Map.of("teamId", team)), manager))
                    .get("code")
                    .asString();
            LocalDate today = LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
            HttpResponse<String> exported = api.post(
                    "/api/v1/reports/outcomes/export",
                    Api.json(Map.of("format", "csv", "from", today.minusDays(90).toString(), "to", today.toString())),
                    manager);
            assertThat(exported.statusCode()).as(exported.body()).isEqualTo(200);

            sender.deliverDue();
            List<JsonNode> events = RECEIVED.stream()
                    .filter(post -> post.path().equals("/exports"))
                    .map(post -> JSON.readTree(post.body()))
                    .toList();
            assertThat(events)
                    .extracting(e -> e.get("type").asString())
                    .containsExactlyInAnyOrder("client.created", "export.finished");
            JsonNode created = events.stream()
                    .filter(e -> e.get("type").asString().equals("client.created"))
                    .findFirst()
                    .orElseThrow()
                    .get("data");
            assertThat(created.get("code").asString()).isEqualTo(code);
            assertThat(created.propertyNames()).containsExactlyInAnyOrder("client", "code", "team");
            JsonNode export = events.stream()
                    .filter(e -> e.get("type").asString().equals("export.finished"))
                    .findFirst()
                    .orElseThrow()
                    .get("data");
            assertThat(export.get("format").asString()).isEqualTo("csv");
            assertThat(export.propertyNames()).containsExactlyInAnyOrder("export", "format", "rows");
        }
    }

    @Test
    void anAdminChoosesAWebhooksEventsOnThePage() {
        try (Https https = new Https(port)) {
            Api api = Api.newTenant(https, tenants, accounts, "eventpage");
            api.signInAsAdmin();
            PageSession admin = PageSession.signedIn(api, api.adminEmail(), Api.GOOD_PASSWORD);
            String hook = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/page";
            admin.submit("/admin/webhooks", "url", hook, "event", "score.recorded", "event", "client.created");
            String token = api.signInAsAdmin();
            JsonNode added = Api.read(api.get("/api/v1/webhooks", token)).get(0);
            assertThat(added.get("events").valueStream().map(JsonNode::asString))
                    .containsExactlyInAnyOrder("score.recorded", "client.created");

            admin.submit("/admin/webhooks/events", "webhook", added.get("id").asString(), "event", "dose.missed");
            assertThat(Api.read(api.get("/api/v1/webhooks", token))
                            .get(0)
                            .get("events")
                            .valueStream()
                            .map(JsonNode::asString))
                    .containsExactly("dose.missed");
            assertThat(api.auditActions()).contains("webhook.added", "webhook.events-changed");
        }
    }

    private static String subscribe(Api api, String admin, String path, String... events) {
        HttpResponse<String> added = api.post(
                "/api/v1/webhooks",
                Api.json((Object) Map.of(
                        "url",
                        "http://127.0.0.1:" + receiver.getAddress().getPort() + path,
                        "events",
                        List.of(events))),
                admin);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        return Api.read(added).get("secret").asString();
    }

    private String scoredClient(Api api, String clinician, String team) {
        String code = Api.read(api.post("/api/v1/clients", Api.json(Map.of("teamId", team)), clinician))
                .get("code")
                .asString();
        api.post(
                "/api/v1/clients/" + code + "/episodes",
                Api.json(Map.of("referredOn", LocalDate.now().minusDays(30).toString())),
                clinician);
        Instant started = clock.instant().minusSeconds(3600);
        String session = Api.read(api.post(
                        "/api/v1/clients/" + code + "/sessions",
                        Api.json(Map.of(
                                "startsAt", started.toString(),
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
}
