package org.trackwell.bench;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Scenario 1: password logins per second at 8 clients, each signing in to an account of its own
 * over kept-alive connections (a person signs in once, not eight times at once: parallel
 * sign-ins to one account wait for each other's outcome, which the login burst measures), against
 * the bare Argon2id hash with the server's parameters on as many threads as the server hashes on
 * (one per core) for the same time; then a burst of 200 logins at once on new connections. The
 * server's CPU per login beside the bench's CPU per bare hash shows how much of a login is the
 * hash, whatever share of the machine the server got.
 */
final class LoginScenario {

    private static final int CLIENTS = 8;

    private LoginScenario() {}

    static List<Figure> run(Server server, Seed seed, Bench.Options options) throws Exception {
        Duration duration = options.duration(20);
        List<HttpRequest> people = people(server, seed);
        AtomicInteger next = new AtomicInteger();
        ThreadLocal<HttpRequest> own = ThreadLocal.withInitial(() -> people.get(next.getAndIncrement() % CLIENTS));
        Callable<Integer> login = () -> server.http.send(own.get(), HttpResponse.BodyHandlers.discarding()).statusCode();
        // The server's JIT compiles the sign-in path first, as the caseload scenario warms its paths.
        Load.run(CLIENTS, options.duration(5), login);
        // The server's defaults (trackwell.identity.argon2-*): 19 MiB, 2 passes, 1 lane.
        Argon2PasswordEncoder argon2 = new Argon2PasswordEncoder(16, 32, 1, 19456, 2);
        String stored = argon2.encode("peppered password stand-in");
        int cores = Runtime.getRuntime().availableProcessors();
        Machine beforeBare = Machine.now(server);
        Load.Result bare = Load.run(cores, duration, () -> argon2.matches("peppered password stand-in", stored) ? 0 : 1);
        Machine afterBare = Machine.now(server);

        Load.Result logins = Load.run(CLIENTS, duration, login);
        Machine afterLogins = Machine.now(server);
        long ok = logins.outcomes().getOrDefault(200, 0L);
        double hashCpuMillis = (afterBare.benchNanos() - beforeBare.benchNanos()) / 1e6 / bare.calls();
        double loginCpuMillis = (afterLogins.serverTicks() - afterBare.serverTicks()) * 10.0 / Math.max(1, ok);
        List<Figure> figures = new ArrayList<>();
        figures.add(Figure.alone("argon2id one hash (m=19MiB,t=2)", 1000.0 * cores / bare.rate(), "ms"));
        figures.add(new Figure("login rate (8 clients)", ok / logins.seconds(), "logins/s", "bare argon2id, " + cores
                + " threads", bare.rate(), "hashes/s"));
        figures.add(Figure.alone("login p99 (8 clients)", logins.percentileMillis(99), "ms"));
        figures.add(Figure.alone("login not 200 (8 clients)", logins.calls() - ok, "logins"));
        figures.add(new Figure("server CPU per login", loginCpuMillis, "ms", "bench CPU per bare hash", hashCpuMillis,
                "ms"));
        if (Pinning.possible(server)) {
            figures.addAll(pinned(server, login, stored, argon2, options));
        }
        figures.addAll(burst(server, seed));
        return figures;
    }

    /**
     * The same logins with the server and its database on one core and the bench on the other,
     * against the bare hash on one thread of one core while the server is idle: the server's own
     * cost of a login beside a hash, without the load generator taking its CPU.
     */
    private static List<Figure> pinned(
            Server server, Callable<Integer> login, String stored, Argon2PasswordEncoder argon2, Bench.Options options)
            throws Exception {
        Duration duration = options.duration(20);
        try (Pinning pinning = Pinning.serverOnFirstCore(server)) {
            Load.run(CLIENTS, options.duration(5), login);
            Load.Result bare = Load.run(1, duration, () -> argon2.matches("peppered password stand-in", stored) ? 0 : 1);
            Load.Result logins = Load.run(CLIENTS, duration, login);
            long ok = logins.outcomes().getOrDefault(200, 0L);
            return List.of(
                    new Figure("login rate, server and database on 1 core, bench on the other", ok / logins.seconds(),
                            "logins/s", "bare argon2id, 1 thread on 1 core", bare.rate(), "hashes/s"),
                    Figure.alone("login p99, pinned", logins.percentileMillis(99), "ms"));
        }
    }

    /** Sign-in requests of {@value #CLIENTS} members of staff, one each, made through the API. */
    private static List<HttpRequest> people(Server server, Seed seed) throws Exception {
        String admin = seed.token(server);
        String team = Calls.field(Calls.post(server, seed, admin, "/api/v1/teams", "{\"name\":\"Login Team\"}"), "id");
        List<HttpRequest> people = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            String email = "login-" + i + "@bench.test";
            Calls.staff(server, seed, admin, email, "PRACTITIONER", team);
            people.add(new Seed(seed.host(), email, Seed.PASSWORD).login(server));
        }
        return people;
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
