package org.trackwell.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The set in deploy/ha, started by its own script on the loopback ports: three etcd members,
 * three PostgreSQL members under Patroni, HAProxy, and two Trackwell nodes behind it. A test
 * breaks its parts by their process ids, as an operator's bad day would.
 */
public final class HaCluster implements AutoCloseable {

    public static final int FRONT = 18443;
    private static final int[] PATRONI_REST = {18008, 18009, 18010};
    private static final Pattern SETUP_LINK = Pattern.compile("/account/setup\\?token=([A-Za-z0-9_-]+)");

    private final Path directory;
    private final HttpClient patroni =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private HaCluster(Path directory) {
        this.directory = directory;
    }

    /** Starts the whole set with Patroni's timing set low and the given settings for the nodes. */
    public static HaCluster start(Path directory, Map<String, String> settings) {
        HaCluster cluster = new HaCluster(directory.toAbsolutePath());
        try {
            Files.createDirectories(cluster.directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            cluster.script("start", settings);
        } catch (RuntimeException | AssertionError e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    private void script(String action, Map<String, String> settings) {
        ProcessBuilder builder = new ProcessBuilder("deploy/ha/cluster", action, directory.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        directory.resolve("cluster.log").toFile()));
        builder.environment().putAll(settings);
        builder.environment().put("TRACKWELL_JAR", System.getProperty("trackwell.jar"));
        try {
            int exit = builder.start().waitFor();
            if (exit != 0) {
                throw new AssertionError("deploy/ha/cluster " + action + " failed (" + exit + "):\n" + logs());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** HTTPS through HAProxy, to whichever node it chooses, trusting the nodes' shared certificate. */
    public Https front() {
        return new Https(FRONT, directory.resolve("node-1/tls"));
    }

    public String host() {
        return "demo.localhost";
    }

    /** Sets the first admin's password from the link the first node printed, signs in and accepts the terms. */
    public String signInAsFirstAdmin() {
        Matcher link = SETUP_LINK.matcher(read(directory.resolve("node-1.log")));
        if (!link.find()) {
            throw new AssertionError("no set-up link was printed:\n" + logs());
        }
        Https https = front();
        https.postJson(host(), "/api/v1/auth/setup", Api.json("token", link.group(1), "password", Api.GOOD_PASSWORD));
        HttpResponse<String> login = https.postJson(
                host(), "/api/v1/auth/login", Api.json("email", "admin@demo.localhost", "password", Api.GOOD_PASSWORD));
        if (login.statusCode() != 200) {
            throw new AssertionError("sign-in failed: " + login.statusCode() + " " + login.body());
        }
        String token = Api.read(login).get("token").asString();
        HttpResponse<String> terms =
                https.get(host(), "/api/v1/me/terms", "Accept", "application/json", "Authorization", "Bearer " + token);
        if (terms.statusCode() == 200) {
            https.postJson(
                    host(),
                    "/api/v1/me/terms",
                    Api.json("version", Api.read(terms).get("version").asString()),
                    "Authorization",
                    "Bearer " + token);
        }
        return token;
    }

    /** The member Patroni now names the leader, asked of any member that answers. */
    public Optional<String> leader() {
        for (int port : PATRONI_REST) {
            try {
                HttpResponse<String> cluster = patroni.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/cluster"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                for (JsonNode member : Api.read(cluster).get("members")) {
                    if (member.get("role").asString().equals("leader")
                            && member.get("state").asString().equals("running")) {
                        return Optional.of(member.get("name").asString());
                    }
                }
            } catch (IOException | RuntimeException notAnswering) {
                // ask the next member
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return Optional.empty();
    }

    /** Waits for a leader other than {@code former}; returns it. */
    public String awaitNewLeader(String former, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<String> leader = leader();
            if (leader.isPresent() && !leader.get().equals(former)) {
                return leader.get();
            }
            ServiceProcess.pause(Duration.ofMillis(200));
        }
        throw new AssertionError("no new leader within " + within + ":\n" + logs());
    }

    /** kill -9 of a member's Patroni and its PostgreSQL, as when its machine dies. */
    public void killMember(String member) {
        long postmaster = postmasterPid(member);
        signal("KILL", pid(member));
        signal("KILL", postmaster);
    }

    public long postmasterPid(String member) {
        return Long.parseLong(read(directory.resolve(member + "/postmaster.pid"))
                .lines()
                .findFirst()
                .orElseThrow()
                .strip());
    }

    /** kill -9 of one Trackwell node. */
    public void killNode(int node) {
        signal("KILL", pid("node-" + node));
    }

    /** Stops one etcd member (SIGTERM). */
    public void stopEtcd(int member) {
        signal("TERM", pid("etcd-" + member));
    }

    public static void signal(String signal, long pid) {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).start().waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long pid(String process) {
        return Long.parseLong(read(directory.resolve(process + ".pid")).strip());
    }

    /** A connection as PostgreSQL's superuser through HAProxy's write port (the leader). */
    public Connection superuser() throws SQLException {
        return DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:15430/trackwell",
                "postgres",
                read(directory.resolve("postgres.password")).strip());
    }

    /** Runs an operator command on the second node's data directory and the cluster's database; exit code and output. */
    public ServiceProcess.CommandResult operator(String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m",
                "-jar",
                System.getProperty("trackwell.jar")));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment()
                .putAll(Map.of(
                        "TRACKWELL_DATA_DIR", directory.resolve("node-2").toString(),
                        "SERVER_PORT", "0",
                        "TRACKWELL_WEB_HTTP_PORT", "-1",
                        "TRACKWELL_MANAGEMENT_PORT", "-1",
                        "TRACKWELL_DATABASE_URL", "jdbc:postgresql://127.0.0.1:15430/trackwell",
                        "TRACKWELL_DATABASE_USERNAME", "trackwell_app",
                        "TRACKWELL_DATABASE_PASSWORD",
                                read(directory.resolve("trackwell_app.password"))
                                        .strip(),
                        "TRACKWELL_DATABASE_OWNER_USERNAME", "trackwell_owner",
                        "TRACKWELL_DATABASE_OWNER_PASSWORD",
                                read(directory.resolve("trackwell_owner.password"))
                                        .strip()));
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new ServiceProcess.CommandResult(process.waitFor(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The tail of every part's log, for a failure's message. */
    public String logs() {
        StringBuilder logs = new StringBuilder();
        try (var files = Files.list(directory)) {
            for (Path log :
                    files.filter(f -> f.toString().endsWith(".log")).sorted().toList()) {
                List<String> lines = read(log).lines().toList();
                logs.append("==== ").append(log.getFileName()).append('\n');
                lines.subList(Math.max(0, lines.size() - 40), lines.size())
                        .forEach(line -> logs.append(line).append('\n'));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return logs.toString();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        script("stop", Map.of());
    }
}
