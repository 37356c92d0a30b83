package org.trackwell.bench;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The API calls scenarios make to set themselves up, and a GET repeated under load. */
final class Calls {

    private static final Pattern SETUP_TOKEN = Pattern.compile("token=([A-Za-z0-9_-]+)");

    private Calls() {}

    static String post(Server server, Seed seed, String token, String path, String body) throws Exception {
        HttpRequest.Builder request = server.request(seed.host(), path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = server.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** A member of staff in one team with one role, signed in: returns their bearer token. */
    static String staff(Server server, Seed seed, String admin, String email, String role, String team)
            throws Exception {
        String invited = post(server, seed, admin, "/api/v1/users",
                "{\"email\":\"" + email + "\",\"displayName\":\"Bench " + role.toLowerCase() + "\",\"roles\":[\""
                        + role + "\"],\"teams\":[\"" + team + "\"]}");
        post(server, seed, null, "/api/v1/auth/setup",
                "{\"token\":\"" + group(SETUP_TOKEN, invited) + "\",\"password\":\"" + Seed.PASSWORD + "\"}");
        return new Seed(seed.host(), email, Seed.PASSWORD).token(server);
    }

    static Load.Result get(Server server, Seed seed, String token, String path, int workers, Duration duration)
            throws Exception {
        HttpRequest request = server.request(seed.host(), path)
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
        return Load.run(workers, duration, () -> {
            int status = server.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status != 200) {
                throw new IllegalStateException(path + " answered " + status);
            }
            return status;
        });
    }

    /**
     * Each path's load when the paths take turns, in the order given: a round of each first, to warm
     * the server's compiled code and the database's cache for all of them alike, then each path for
     * half the time in order and the other half in reverse order. Measured one after another once,
     * the first path ran on the coldest server: a progress page measured before its plain baseline
     * rose from 99 to 398 req/s over three turns while the baseline rose from 308 to 690.
     */
    static List<Load.Result> inTurns(Server server, Seed seed, String token, List<String> paths, int workers,
            Duration duration) throws Exception {
        Duration half = duration.dividedBy(2);
        for (String path : paths) {
            get(server, seed, token, path, workers, half);
        }
        List<Load.Result> results = new ArrayList<>();
        for (String path : paths) {
            results.add(get(server, seed, token, path, workers, half));
        }
        for (int i = paths.size() - 1; i >= 0; i--) {
            results.set(i, results.get(i).and(get(server, seed, token, paths.get(i), workers, half)));
        }
        return results;
    }

    private static final java.util.concurrent.atomic.AtomicLong TEAM_NAMES = new java.util.concurrent.atomic.AtomicLong();

    /** The audited-write baseline: {@code perCall} team creations per call, 4 clients. */
    static Load.Result auditedTeamWrites(Server server, Seed seed, String admin, int perCall, Duration duration)
            throws Exception {
        return Load.run(4, duration, () -> {
            for (int i = 0; i < perCall; i++) {
                post(server, seed, admin, "/api/v1/teams",
                        "{\"name\":\"baseline team " + TEAM_NAMES.incrementAndGet() + "\"}");
            }
            return 201;
        });
    }

    static String field(String body, String field) {
        return group(Pattern.compile("\"" + field + "\":\"([^\"]+)\""), body);
    }

    static String group(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException("not found in: " + text);
        }
        return matcher.group(1);
    }
}
