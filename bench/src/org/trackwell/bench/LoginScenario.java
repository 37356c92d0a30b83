package org.trackwell.bench;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Scenario 1: password logins per second at 8 clients, against the bare Argon2id hash with the
 * same parameters on every core for the same time; then a burst of 200 logins at once.
 */
final class LoginScenario {

    private LoginScenario() {}

    static List<Figure> run(Server server, Seed seed, Bench.Options options) throws Exception {
        Duration duration = options.duration(20);
        Argon2PasswordEncoder argon2 = new Argon2PasswordEncoder(16, 32, 1, 19456, 2);
        String stored = argon2.encode("peppered password stand-in");
        int cores = Runtime.getRuntime().availableProcessors();
        Load.Result bare = Load.run(cores, duration, () -> argon2.matches("peppered password stand-in", stored) ? 0 : 1);

        Load.Result logins = Load.run(8, duration, () -> server.http
                .send(seed.login(server), HttpResponse.BodyHandlers.discarding())
                .statusCode());
        long ok = logins.outcomes().getOrDefault(200, 0L);
        List<Figure> figures = new ArrayList<>();
        figures.add(Figure.alone("argon2id one hash (m=19MiB,t=2)", 1000.0 * cores / bare.rate(), "ms"));
        figures.add(new Figure("login rate (8 clients)", ok / logins.seconds(), "logins/s", "bare argon2id, all cores",
                bare.rate(), "hashes/s"));
        figures.add(Figure.alone("login p99 (8 clients)", logins.percentileMillis(99), "ms"));
        figures.add(Figure.alone("login per core", ok / logins.seconds() / cores, "logins/s"));
        figures.addAll(burst(server, seed));
        return figures;
    }

    private static List<Figure> burst(Server server, Seed seed) throws Exception {
        Map<Integer, Long> outcomes = new TreeMap<>();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                calls.add(pool.submit(() -> {
                    try {
                        return server.http.send(seed.login(server), HttpResponse.BodyHandlers.discarding()).statusCode();
                    } catch (Exception e) {
                        return -1;
                    }
                }));
            }
            for (Future<Integer> call : calls) {
                outcomes.merge(call.get(), 1L, Long::sum);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return List.of(
                Figure.alone("burst 200 logins: 200 OK", outcomes.getOrDefault(200, 0L), "logins"),
                Figure.alone("burst 200 logins: 429", outcomes.getOrDefault(429, 0L), "logins"),
                Figure.alone("burst 200 logins: other", 200 - outcomes.getOrDefault(200, 0L)
                        - outcomes.getOrDefault(429, 0L), "logins"),
                Figure.alone("burst 200 logins: time", seconds, "s"),
                Figure.alone("burst: server resident after", MemoryScenario.residentMegabytes(server.pid()), "MB"));
    }
}
