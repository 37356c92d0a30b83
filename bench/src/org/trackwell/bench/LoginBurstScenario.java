package org.trackwell.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Scenario 9: what a burst of sign-ins does to everyone else. The p99 of an authenticated read (4
 * clients) and the slowest /health (1 client, as a load balancer polls it, which gives up after a
 * timeout: one stall matters, and a single sequential client records a stall as only one sample),
 * first alone, then while bursts of 300 sign-ins at once (the right password, each on a connection
 * of its own) arrive every 5 s; and how those sign-ins were answered.
 */
final class LoginBurstScenario {

    private static final int BURST = 300;
    private static final Duration EVERY = Duration.ofSeconds(5);

    private LoginBurstScenario() {}

    static List<Figure> run(Server server, Seed seed, Bench.Options options) throws Exception {
        Duration duration = options.duration(15);
        HttpRequest me = server.request(seed.host(), "/api/v1/me")
                .header("Authorization", "Bearer " + seed.token(server))
                .GET()
                .build();
        HttpRequest health = server.request("localhost", "/health").GET().build();

        Reads alone = Reads.measure(server, me, health, duration);
        HttpClient burstClient = HttpClient.newBuilder()
                .sslContext(server.http.sslContext())
                .version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .connectTimeout(Duration.ofSeconds(30))
                .build();
        CompletableFuture<Load.Result> burst = CompletableFuture.supplyAsync(() -> {
            try {
                return bursts(burstClient, server, seed, duration);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Reads during = Reads.measure(server, me, health, duration);
        Load.Result logins = burst.get();

        String name = "bursts of " + BURST + " logins";
        return List.of(
                new Figure("read p99 during login burst", during.me().percentileMillis(99), "ms", "read p99 alone",
                        alone.me().percentileMillis(99), "ms"),
                new Figure("/health slowest during login burst", during.health().percentileMillis(100), "ms",
                        "/health slowest alone", alone.health().percentileMillis(100), "ms"),
                Figure.alone("  reads not 200 during burst", during.failures(), "requests"),
                Figure.alone(name + ": sent", logins.calls(), "logins"),
                Figure.alone(name + ": 200 OK", logins.outcomes().getOrDefault(200, 0L), "logins"),
                Figure.alone(name + ": 429", logins.outcomes().getOrDefault(429, 0L), "logins"),
                Figure.alone(name + ": other", logins.calls() - logins.outcomes().getOrDefault(200, 0L)
                        - logins.outcomes().getOrDefault(429, 0L), "logins"),
                Figure.alone(name + ": p99 answer", logins.percentileMillis(99), "ms"),
                Figure.alone(name + ": slowest answer", logins.percentileMillis(100), "ms"));
    }

    /**
     * Bursts of {@value #BURST} sign-ins let go at the same moment, one burst every {@link #EVERY}
     * (or as soon as the last is answered, if it took longer) until the time is up.
     */
    private static Load.Result bursts(HttpClient client, Server server, Seed seed, Duration duration)
            throws InterruptedException {
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, Long> outcomes = new ConcurrentSkipListMap<>();
        while (System.nanoTime() < end) {
            long next = System.nanoTime() + EVERY.toNanos();
            try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < BURST; i++) {
                    clients.submit(() -> {
                        long before = System.nanoTime();
                        HttpResponse<Void> answer = signIn(client, server, seed);
                        latencies.add(System.nanoTime() - before);
                        outcomes.merge(answer == null ? -1 : answer.statusCode(), 1L, Long::sum);
                    });
                }
            }
            Thread.sleep(Duration.ofNanos(Math.max(0, Math.min(next, end) - System.nanoTime())));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Load.Result(sorted.length, seconds, sorted, outcomes);
    }

    private static HttpResponse<Void> signIn(HttpClient client, Server server, Seed seed) {
        try {
            return client.send(seed.login(server), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** An authenticated read and a health check, measured side by side for the same time. */
    private record Reads(Load.Result me, Load.Result health) {

        static Reads measure(Server server, HttpRequest me, HttpRequest health, Duration duration) throws Exception {
            CompletableFuture<Load.Result> checks = CompletableFuture.supplyAsync(() -> repeat(server, health, 1,
                    duration));
            return new Reads(repeat(server, me, 4, duration), checks.get());
        }

        long failures() {
            return me.calls() - me.outcomes().getOrDefault(200, 0L) + health.calls()
                    - health.outcomes().getOrDefault(200, 0L);
        }

        private static Load.Result repeat(Server server, HttpRequest request, int workers, Duration duration) {
            try {
                return Load.run(workers, duration, () -> server.http
                        .send(request, HttpResponse.BodyHandlers.discarding())
                        .statusCode());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
