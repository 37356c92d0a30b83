package org.trackwell.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Trackwell as the operator runs it: the built jar in a process of its own, on a data directory and
 * ports of its own, so a test can kill it, restart it, or break what is under it.
 */
public final class ServiceProcess implements AutoCloseable {

    /** Only the quick compiler (C1): see {@link #javaCommand()}. */
    static final String QUICK_START = "-XX:TieredStopAtLevel=1";

    private static final Pattern SETUP_LINK = Pattern.compile("/account/setup\\?token=([A-Za-z0-9_-]+)");

    private final Path dataDirectory;
    private final Map<String, String> environment;
    private final int port;
    private final Path log;
    private Process process;
    private int starts;

    private ServiceProcess(Path dataDirectory, Map<String, String> environment, int port) {
        this.dataDirectory = dataDirectory;
        this.environment = environment;
        this.port = port;
        this.log = Path.of("target/service-logs")
                .toAbsolutePath()
                .resolve(dataDirectory.getParent().getFileName() + "-" + dataDirectory.getFileName() + ".log");
    }

    /** A service on the embedded database under the given directory; extra settings as environment variables. */
    public static ServiceProcess on(Path dataDirectory, String... settings) {
        int port = TestPostgres.freePort();
        Map<String, String> environment = new HashMap<>(Map.of(
                "TRACKWELL_DATA_DIR",
                dataDirectory.toString(),
                "SERVER_PORT",
                Integer.toString(port),
                "SERVER_ADDRESS",
                "127.0.0.1",
                "TRACKWELL_WEB_HTTP_PORT",
                "-1",
                "TRACKWELL_MANAGEMENT_PORT",
                "0",
                "TRACKWELL_DATABASE_EMBEDDED_PORT",
                Integer.toString(TestPostgres.freePort()),
                "TRACKWELL_DATABASE_EMBEDDED_BINARIES",
                TestPostgres.BINARIES.toString(),
                // Password sign-in is enough for these tests; a second factor is tested elsewhere.
                "TRACKWELL_IDENTITY_DEFAULT_SECOND_FACTOR_ROLES",
                "",
                // Backups are drilled by BackupDrillIT; the other tests need not take them.
                "TRACKWELL_DATABASE_ARCHIVE_WAL",
                "false"));
        for (int i = 0; i < settings.length; i += 2) {
            environment.put(settings[i], settings[i + 1]);
        }
        return new ServiceProcess(dataDirectory, environment, port);
    }

    public int databasePort() {
        return Integer.parseInt(environment.get("TRACKWELL_DATABASE_EMBEDDED_PORT"));
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Starts the service and waits until it is ready; fails with its log if it exits instead. */
    public ServiceProcess start() {
        launch();
        try {
            // A bound for a start that hangs, not a measure: with two test JVMs on a busy machine a
            // healthy first start has taken over two minutes.
            awaitReady(Duration.ofMinutes(5));
        } catch (AssertionError notReady) {
            // Stopped, not left running with its database after the test that started it has failed.
            close();
            throw notReady;
        }
        return this;
    }

    /** Starts the service and returns its exit code, for starts that must be refused. */
    public int startExpectingRefusal(Duration within) {
        launch();
        return awaitExit(within);
    }

    private void launch() {
        try {
            Files.createDirectories(log.getParent());
            List<String> command = javaCommand();
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            starts++;
            Files.writeString(
                    log,
                    "==== start " + starts + " ====\n",
                    java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void awaitReady(Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("Trackwell exited with " + process.exitValue() + ":\n" + log());
            }
            if (Files.exists(dataDirectory.resolve("tls/localhost.p12.password"))) {
                try {
                    if (https().get("localhost", "/health").statusCode() == 200) {
                        return;
                    }
                } catch (RuntimeException notYet) {
                    // still starting
                }
            }
            pause(Duration.ofMillis(200));
        }
        throw new AssertionError("Trackwell did not become ready within " + within + ":\n" + log());
    }

    public int awaitExit(Duration within) {
        try {
            if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("Trackwell did not exit within " + within + ":\n" + log());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Https https() {
        return new Https(port, dataDirectory.resolve("tls"));
    }

    public HttpResponse<String> health() {
        return https().get("localhost", "/health");
    }

    /** Gives the first tenant's administrator a password (from the link printed at first start) and signs in. */
    public String signInAsFirstAdmin() {
        Matcher link = firstStartLink(Duration.ofSeconds(60));
        Https https = https();
        https.postJson(
                demoHost(), "/api/v1/auth/setup", Api.json("token", link.group(1), "password", Api.GOOD_PASSWORD));
        HttpResponse<String> login = https.postJson(
                demoHost(),
                "/api/v1/auth/login",
                Api.json("email", "admin@demo.localhost", "password", Api.GOOD_PASSWORD));
        if (login.statusCode() != 200) {
            throw new AssertionError("sign-in failed: " + login.statusCode() + " " + login.body());
        }
        String token = Api.read(login).get("token").asString();
        acceptTheTerms(https, token);
        return token;
    }

    /**
     * The set-up link the first start prints: once the service is ready, after the start's own
     * checks, which can take a while on a busy machine.
     */
    private Matcher firstStartLink(Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        Matcher link = SETUP_LINK.matcher(log());
        while (!link.find()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no set-up link was printed:\n" + log());
            }
            pause(Duration.ofMillis(200));
            link = SETUP_LINK.matcher(log());
        }
        return link;
    }

    /** As a person signing in for the first time would: the service's terms of use come first. */
    private void acceptTheTerms(Https https, String token) {
        HttpResponse<String> shown = https.get(
                demoHost(), "/api/v1/me/terms", "Accept", "application/json", "Authorization", "Bearer " + token);
        if (shown.statusCode() == 200) {
            HttpResponse<String> accepted = https.postJson(
                    demoHost(),
                    "/api/v1/me/terms",
                    Api.json("version", Api.read(shown).get("version").asString()),
                    "Authorization",
                    "Bearer " + token);
            if (accepted.statusCode() != 204) {
                throw new AssertionError("terms not accepted: " + accepted.statusCode() + " " + accepted.body());
            }
        }
    }

    public String demoHost() {
        return "demo.localhost";
    }

    /** Runs an operator command with the service's settings, returning its exit code and output. */
    public CommandResult operator(String... args) {
        List<String> command = javaCommand();
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        try {
            Process cli = builder.start();
            String output;
            try (InputStream in = cli.getInputStream()) {
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            return new CommandResult(cli.waitFor(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record CommandResult(int exit, String output) {}

    /** The process id of the embedded PostgreSQL's postmaster, from its own record. */
    public long postmasterPid() {
        try {
            return Long.parseLong(Files.readAllLines(dataDirectory.resolve("postgres/postmaster.pid"))
                    .getFirst()
                    .strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void killPostmaster() {
        kill(postmasterPid());
    }

    /** kill -9 of the service itself: no shutdown hook runs, its database is left running. */
    public void killService() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(30));
    }

    public String log() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static void kill(long pid) {
        try {
            new ProcessBuilder("kill", "-9", Long.toString(pid)).start().waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Started as bin/start starts it: the flags of bin/java-options, and one for the tests only. These
     * processes live for seconds to minutes, so the optimising compiler would spend about half of a
     * start's CPU (a start took 22-30 s of CPU with it and 13-16 s without, at load 12-33) on code
     * that ends with the test; on 2 cores that CPU is taken from the other test JVM.
     */
    private static List<String> javaCommand() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        try {
            Files.readAllLines(Path.of("bin/java-options")).stream()
                    .filter(option -> !option.isBlank() && !option.startsWith("#"))
                    .forEach(command::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        command.add(QUICK_START);
        command.addAll(List.of("-jar", System.getProperty("trackwell.jar")));
        return command;
    }

    public static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
