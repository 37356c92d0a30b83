package org.trackwell.bench;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A tenant and its administrator with a known password, made through the product's own ways in. */
record Seed(String host, String email, String password) {

    static final String PASSWORD = "quiet violet harbour 42 measures";

    static Seed tenantWithAdmin(Server server) throws Exception {
        if (Jdbc.tenantExists(server, "bench")) {
            // A kept data directory (bench/run --data) was seeded by an earlier run.
            return new Seed("bench.localhost", "admin@bench.test", PASSWORD);
        }
        return tenantWithAdmin(server, "bench", "Bench Service");
    }

    private static Seed tenantWithAdmin(Server server, String slug, String name) throws Exception {
        return withAdmin(server, slug, server.operator(
                "tenant", "create", "--slug", slug, "--name", name, "--admin-email", admin(slug)));
    }

    static String admin(String slug) {
        return "admin@" + slug + ".test";
    }

    /** The administrator of a tenant just created, set up from the set-up link in {@code output}. */
    static Seed withAdmin(Server server, String slug, String output) throws Exception {
        Seed seed = new Seed(slug + ".localhost", admin(slug), PASSWORD);
        Matcher token = Pattern.compile("token=([A-Za-z0-9_-]+)").matcher(output);
        if (!token.find()) {
            throw new IllegalStateException("no set-up link in: " + output);
        }
        HttpResponse<String> setup = server.http.send(
                server.request(seed.host(), "/api/v1/auth/setup")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"token\":\"" + token.group(1) + "\",\"password\":\"" + PASSWORD + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (setup.statusCode() != 204) {
            throw new IllegalStateException("set-up failed: " + setup.body());
        }
        return seed;
    }

    HttpRequest login(Server server) {
        return server.request(host, "/api/v1/auth/login")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}"))
                .build();
    }

    String token(Server server) throws Exception {
        HttpResponse<String> response = server.http.send(login(server), HttpResponse.BodyHandlers.ofString());
        Matcher token = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(response.body());
        if (!token.find()) {
            throw new IllegalStateException("sign-in failed: " + response.body());
        }
        return token.group(1);
    }
}
