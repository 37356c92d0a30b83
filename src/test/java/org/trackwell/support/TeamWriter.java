package org.trackwell.support;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * A concurrent write load through the API (new teams, each audited), remembering every write the
 * service acknowledged, so a test can check that none of them is lost whatever happens meanwhile.
 */
public final class TeamWriter implements AutoCloseable {

    private final Supplier<Https> connect;
    private final String host;
    private final Supplier<String> log;
    private final String token;
    private final Queue<Long> acknowledgedAt = new ConcurrentLinkedQueue<>();
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final Map<Integer, Integer> answers = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> writers = new ArrayList<>();

    public TeamWriter(ServiceProcess service, String token, int concurrency) {
        this(service::https, service.demoHost(), service::log, token, concurrency);
    }

    /** Writes through any address (a load balancer's); {@code log} tells what went wrong if too few are acknowledged. */
    public TeamWriter(Supplier<Https> connect, String host, Supplier<String> log, String token, int concurrency) {
        this.connect = connect;
        this.host = host;
        this.log = log;
        this.token = token;
        for (int i = 0; i < concurrency; i++) {
            int writer = i;
            writers.add(Thread.ofPlatform().daemon().start(() -> write(writer)));
        }
    }

    private void write(int writer) {
        Https https = connect.get();
        for (int n = 0; running.get(); n++) {
            String name = "Team " + writer + "-" + n + "-" + System.nanoTime();
            try {
                HttpResponse<String> answer = https.send(https.request(
                                host,
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
                    acknowledgedAt.add(System.nanoTime());
                } else {
                    ServiceProcess.pause(Duration.ofMillis(50));
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
                        + " writes acknowledged; answers " + answers + "\n" + log.get());
            }
            ServiceProcess.pause(Duration.ofMillis(50));
        }
    }

    /**
     * The longest time without an acknowledged write from {@code since} (a {@link System#nanoTime()})
     * to the last acknowledgement: how long a fault at {@code since} kept writes away.
     */
    public Duration longestGapSince(long since) {
        long previous = since;
        long longest = 0;
        for (long at : acknowledgedAt.stream().filter(at -> at > since).sorted().toList()) {
            longest = Math.max(longest, at - previous);
            previous = at;
        }
        return Duration.ofNanos(longest);
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
        return teamsIn(service.https(), service.demoHost(), token);
    }

    public static Set<String> teamsIn(Https https, String host, String token) {
        HttpResponse<String> teams =
                https.get(host, "/api/v1/teams", "Authorization", "Bearer " + token, "Accept", "application/json");
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
