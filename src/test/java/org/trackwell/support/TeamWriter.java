package org.trackwell.support;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import tools.jackson.databind.JsonNode;

/**
 * A concurrent write load through the API (new teams, each audited), remembering every write the
 * service acknowledged, so a test can check that none of them is lost whatever happens meanwhile.
 */
public final class TeamWriter implements AutoCloseable {

    private final ServiceProcess service;
    private final String token;
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final Map<Integer, Integer> answers = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> writers = new ArrayList<>();

    public TeamWriter(ServiceProcess service, String token, int concurrency) {
        this.service = service;
        this.token = token;
        for (int i = 0; i < concurrency; i++) {
            int writer = i;
            writers.add(Thread.ofPlatform().daemon().start(() -> write(writer)));
        }
    }

    private void write(int writer) {
        Https https = service.https();
        for (int n = 0; running.get(); n++) {
            String name = "Team " + writer + "-" + n + "-" + System.nanoTime();
            try {
                HttpResponse<String> answer = https.send(https.request(
                                service.demoHost(),
                                "/api/v1/teams",
                                "Authorization",
                                "Bearer " + token,
                                "Content-Type",
                                "application/json")
                        .timeout(Duration.ofSeconds(20))
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(Api.json("name", name)))
                        .build());
                answers.merge(answer.statusCode(), 1, Integer::sum);
                if (answer.statusCode() == 201 || answer.statusCode() == 200) {
                    acknowledged.add(name);
                }
            } catch (RuntimeException connectionLost) {
                answers.merge(0, 1, Integer::sum);
                ServiceProcess.pause(Duration.ofMillis(100));
            }
        }
    }

    public int acknowledgedCount() {
        return acknowledged.size();
    }

    /** Waits until the service has acknowledged this many more writes, failing after the given time. */
    public void awaitMore(int more, Duration within) {
        int target = acknowledged.size() + more;
        long deadline = System.nanoTime() + within.toNanos();
        while (acknowledged.size() < target) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + acknowledged.size() + " of " + target
                        + " writes acknowledged; answers " + answers + "\n" + service.log());
            }
            ServiceProcess.pause(Duration.ofMillis(50));
        }
    }

    /** HTTP status → how many answers had it (0: no answer, the connection failed). */
    public Map<Integer, Integer> answers() {
        return Map.copyOf(answers);
    }

    public Set<String> acknowledged() {
        return Set.copyOf(acknowledged);
    }

    /** The names of the teams the service has now. */
    public static Set<String> teamsIn(ServiceProcess service, String token) {
        HttpResponse<String> teams = service.https()
                .get(
                        service.demoHost(),
                        "/api/v1/teams",
                        "Authorization",
                        "Bearer " + token,
                        "Accept",
                        "application/json");
        Set<String> names = new java.util.HashSet<>();
        for (JsonNode team : Api.read(teams)) {
            names.add(team.get("name").asString());
        }
        return names;
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread writer : writers) {
            writer.join(30_000);
        }
    }
}
