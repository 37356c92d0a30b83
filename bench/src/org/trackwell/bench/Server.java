package org.trackwell.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** Trackwell as a separate process on a fresh data directory, with free ports. */
final class Server implements AutoCloseable {

    final Process process;
    final int port;
    final int databasePort;
    final Path dataDirectory;
    final Map<String, String> environment;
    final String jar;
    HttpClient http;

    private Server(Process process, int port, int databasePort, Path dataDirectory, Map<String, String> environment,
            String jar) {
        this.process = process;
        this.port = port;
        this.databasePort = databasePort;
        this.dataDirectory = dataDirectory;
        this.environment = environment;
        this.jar = jar;
    }

    static Server start(Bench.Options options, Path out) throws Exception {
        Path data = options.data() != null ? Path.of(options.data()) : out.resolve("data");
        if (options.data() == null) {
            deleteRecursively(data);
            // A new installation has a new backup key: the last run's store is another installation's.
            deleteRecursively(out.resolve("backups"));
        }
        int port = freePort();
        int databasePort = freePort();
        Map<String, String> environment = new java.util.HashMap<>(Map.of(
                "TRACKWELL_DATA_DIR", data.toString(),
                "SERVER_PORT", Integer.toString(port),
                "TRACKWELL_WEB_HTTP_PORT", "-1",
                "TRACKWELL_MANAGEMENT_PORT", "0",
                "TRACKWELL_OPERATOR_FIRST_START", "false",
                "TRACKWELL_DATABASE_EMBEDDED_PORT", Integer.toString(databasePort),
                // The bench measures password sign-in and the API behind it; a second factor or terms
                // of use to accept would gate each session and are not what these figures are about.
                "TRACKWELL_IDENTITY_DEFAULT_SECOND_FACTOR_ROLES", "",
                "TRACKWELL_IDENTITY_DEFAULT_TERMS", "false"));
        // As bin/start and deploy/trackwell.service start it.
        environment.put("MALLOC_ARENA_MAX", System.getenv().getOrDefault("MALLOC_ARENA_MAX", "2"));
        if (options.databaseUrl() != null) {
            environment.put("TRACKWELL_DATABASE_URL", options.databaseUrl());
        }
        List<String> command = javaCommand(options.jar());
        command.addAll(1, javaOptions());
        if (options.jfr() != null) {
            command.add(1, "-XX:StartFlightRecording=settings=profile,jdk.SocketRead#threshold=0ms,filename=" + Path.of(options.jfr()).toAbsolutePath());
            command.add(1, "-XX:FlightRecorderOptions=stackdepth=256");
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(out.resolve("server.log").toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        Server server = new Server(process, port, databasePort, data, environment, options.jar());
        try {
            server.awaitHealthy();
        } catch (Exception e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** Runs an operator command with the same configuration, returning its output. */
    String operator(String... args) throws IOException, InterruptedException {
        return operator(Map.of(), args);
    }

    /** As {@link #operator(String...)}, with some settings changed (another data directory, say). */
    String operator(Map<String, String> changed, String... args) throws IOException, InterruptedException {
        List<String> command = javaCommand(jar);
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        builder.environment().putAll(changed);
        Process cli = builder.start();
        String output;
        try (InputStream in = cli.getInputStream()) {
            output = new String(in.readAllBytes());
        }
        if (cli.waitFor() != 0) {
            throw new IllegalStateException("operator command failed: " + output);
        }
        return output;
    }

    String jdbcUrl() {
        return environment.getOrDefault("TRACKWELL_DATABASE_URL", "jdbc:postgresql://127.0.0.1:" + databasePort + "/trackwell");
    }

    HttpRequest.Builder request(String host, String path) {
        return HttpRequest.newBuilder(URI.create("https://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .header("Host", host + ":" + port);
    }

    long pid() {
        return process.pid();
    }

    private void awaitHealthy() throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Trackwell exited; see bench/out/server.log");
            }
            Path keyStore = dataDirectory.resolve("tls/localhost.p12");
            if (Files.exists(keyStore) && Files.exists(dataDirectory.resolve("tls/localhost.p12.password"))) {
                try {
                    if (http == null) {
                        http = client();
                    }
                    HttpResponse<String> health = http.send(
                            request("localhost", "/health").build(), HttpResponse.BodyHandlers.ofString());
                    if (health.statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // still starting
                }
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("Trackwell did not become healthy; see bench/out/server.log");
    }

    private HttpClient client() throws Exception {
        Path tls = dataDirectory.resolve("tls");
        char[] password = Files.readString(tls.resolve("localhost.p12.password")).strip().toCharArray();
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(tls.resolve("localhost.p12"))) {
            keyStore.load(in, password);
        }
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        trust.setCertificateEntry("trackwell", keyStore.getCertificate("trackwell"));
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return HttpClient.newBuilder()
                .sslContext(context)
                .version(HttpClient.Version.HTTP_1_1)
                .executor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor())
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** The JVM flags of bin/start: JAVA_OPTS when set, otherwise bin/java-options without its comments. */
    private static List<String> javaOptions() throws IOException {
        String set = System.getenv("JAVA_OPTS");
        List<String> options = set != null ? List.of(set.split("\\s+")) : Files.readAllLines(Path.of("bin/java-options"));
        return options.stream().filter(option -> !option.isBlank() && !option.startsWith("#")).toList();
    }

    private static List<String> javaCommand(String jar) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ArrayList<>(List.of(java, "-jar", jar));
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        // A stopping server waits up to 30 s for a running scheduled job, then stops its PostgreSQL:
        // killed before that, it would leave the PostgreSQL running with no parent.
        if (!process.waitFor(90, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
