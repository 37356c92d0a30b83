package org.trackwell.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Adobe's S3Mock, an S3-compatible server, in a process of its own (it is a Spring Boot 3
 * application; ours is Boot 4), with one bucket, reached on 127.0.0.1 over plain HTTP.
 */
public final class S3MockServer implements AutoCloseable {

    public static final String BUCKET = "trackwell-backups";
    public static final String ACCESS_KEY_ID = "test-access-key";
    public static final String SECRET_ACCESS_KEY = "test-secret-key";

    private final Process process;
    private final int port;
    private final S3Client client;

    private S3MockServer(Process process, int port) {
        this.process = process;
        this.port = port;
        this.client = S3Client.builder()
                .endpointOverride(endpoint())
                .forcePathStyle(true)
                .region(Region.US_EAST_1)
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY)))
                .build();
    }

    public static S3MockServer start(Path root) {
        int port = TestPostgres.freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(
                java,
                "-Xmx256m",
                ServiceProcess.QUICK_START,
                "-jar",
                System.getProperty("trackwell.s3mock.jar", "target/s3mock/s3mock.jar"),
                // Its TLS connector on a random port of the loopback only; the test talks to its
                // plain HTTP connector.
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--com.adobe.testing.s3mock.httpPort=" + port,
                "--com.adobe.testing.s3mock.store.root=" + root.toAbsolutePath(),
                "--com.adobe.testing.s3mock.store.initialBuckets=" + BUCKET,
                "--spring.main.banner-mode=off"));
        try {
            Files.createDirectories(root);
            Path log = root.resolveSibling(root.getFileName() + ".log");
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            S3MockServer server = new S3MockServer(process, port);
            server.awaitReady(Duration.ofMinutes(2), log);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady(Duration within, Path log) throws IOException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("S3Mock exited:\n" + Files.readString(log));
            }
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                client.listObjectsV2(request -> request.bucket(BUCKET));
                return;
            } catch (IOException | RuntimeException notYet) {
                ServiceProcess.pause(Duration.ofMillis(300));
            }
        }
        throw new AssertionError("S3Mock did not start within " + within + ":\n" + Files.readString(log));
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** The settings that put a service's backups into this server's bucket, under the prefix. */
    public String[] settings(String prefix) {
        return new String[] {
            "TRACKWELL_BACKUP_S3_BUCKET", BUCKET,
            "TRACKWELL_BACKUP_S3_PREFIX", prefix,
            "TRACKWELL_BACKUP_S3_ENDPOINT", endpoint().toString(),
            "TRACKWELL_BACKUP_S3_REGION", "us-east-1",
            "TRACKWELL_BACKUP_S3_PATH_STYLE", "true",
            "TRACKWELL_BACKUP_S3_ACCESS_KEY_ID", ACCESS_KEY_ID,
            "TRACKWELL_BACKUP_S3_SECRET_ACCESS_KEY", SECRET_ACCESS_KEY
        };
    }

    public List<String> keys(String prefix) {
        return client.listObjectsV2Paginator(request -> request.bucket(BUCKET).prefix(prefix)).contents().stream()
                .map(S3Object::key)
                .sorted()
                .toList();
    }

    public byte[] read(String key) {
        return client.getObjectAsBytes(request -> request.bucket(BUCKET).key(key))
                .asByteArray();
    }

    public void write(String key, byte[] content) {
        client.putObject(request -> request.bucket(BUCKET).key(key), RequestBody.fromBytes(content));
    }

    /** Copies every object under one prefix to another: a second store to spoil. */
    public void copy(String from, String to) {
        for (String key : keys(from)) {
            write(to + key.substring(from.length()), read(key));
        }
    }

    @Override
    public void close() {
        client.close();
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
