package org.trackwell.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * An HTTPS client for tests that trusts exactly the installation's own certificate and talks to
 * the server on loopback with any Host header, as a browser at {@code <tenant>.localhost} would.
 */
public final class Https implements AutoCloseable {

    private static final Path TLS = TestData.DIRECTORY.resolve("tls");

    private final HttpClient client;
    private final int port;

    public Https(int port) {
        this(port, TLS);
    }

    /** For an installation of its own, whose certificate lives under another data directory. */
    public Https(int port, Path tls) {
        this.port = port;
        this.client = HttpClient.newBuilder()
                .sslContext(trustingOwnCertificate(tls))
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    public HttpResponse<String> get(String host, String path, String... headers) {
        return send(request(host, path, headers).GET().build());
    }

    public HttpResponse<String> postJson(String host, String path, String json, String... headers) {
        return send(request(host, path, headers)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    /** Fetches a file whose bytes matter, such as a PDF. */
    public HttpResponse<byte[]> download(String host, String path, String... headers) {
        return send(request(host, path, headers).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Sends a request whose answer's bytes matter, such as an encrypted archive. */
    public HttpResponse<byte[]> sendForBytes(HttpRequest request) {
        return send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    public HttpResponse<String> send(HttpRequest request) {
        return send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return client.send(request, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder request(String host, String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("https://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Host", host + ":" + port);
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return builder;
    }

    @Override
    public void close() {
        client.close();
    }

    /**
     * Sends bytes no HTTP client would send (a malformed request line, header or encoding) over
     * TLS, and returns the whole raw answer.
     */
    public String sendRaw(String request) {
        try (SSLSocket socket =
                (SSLSocket) trustingOwnCertificate().getSocketFactory().createSocket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Trusts exactly the installation's own certificate, for tests that speak TLS themselves. */
    public static SSLContext trustingOwnCertificate() {
        return trustingOwnCertificate(TLS);
    }

    private static SSLContext trustingOwnCertificate(Path tls) {
        try (InputStream in = Files.newInputStream(tls.resolve("localhost.p12"))) {
            char[] password = Files.readString(tls.resolve("localhost.p12.password"))
                    .strip()
                    .toCharArray();
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(in, password);
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            trust.setCertificateEntry("trackwell", keyStore.getCertificate("trackwell"));
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
