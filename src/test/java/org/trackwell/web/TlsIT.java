package org.trackwell.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.trackwell.support.Https;
import org.trackwell.support.TrackwellTest;

/** The TLS the server offers, probed from outside with JSSE clients. */
@TrackwellTest
class TlsIT {

    private static final List<String> AEAD_WITH_ECDSA = List.of(
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256");

    @LocalServerPort
    int port;

    @Test
    void speaksTls13() throws IOException {
        try (SSLSocket socket = handshake("TLSv1.3", "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384")) {
            assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1.3");
            assertThat(socket.getSession().getCipherSuite()).isEqualTo("TLS_AES_256_GCM_SHA384");
        }
    }

    @Test
    void agreesToTls12OnlyWithForwardSecretAeadSuites() throws IOException {
        String[] offered = socket().getSupportedCipherSuites();
        List<String> accepted = Arrays.stream(offered)
                .filter(suite -> suite.contains("_WITH_"))
                .filter(this::agreesTls12With)
                .toList();
        // The installation's own certificate is an EC key, so the RSA variants cannot be chosen.
        assertThat(accepted).containsExactlyInAnyOrderElementsOf(AEAD_WITH_ECDSA);
    }

    @Test
    void refusesACbcSuite() {
        assertThatThrownBy(() -> handshake("TLSv1.2", "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256")
                        .close())
                .isInstanceOf(SSLHandshakeException.class)
                .hasMessageContaining("Received fatal alert");
    }

    @Test
    void choosesTheSuiteInItsOwnOrder() throws IOException {
        try (SSLSocket socket = handshake("TLSv1.2", AEAD_WITH_ECDSA.reversed().toArray(String[]::new))) {
            assertThat(socket.getSession().getCipherSuite()).isEqualTo(AEAD_WITH_ECDSA.getFirst());
        }
    }

    @Test
    void refusesTls11AndTls10EvenToAClientThatOffersThem() throws Exception {
        assertThat(probe("TLSv1.2")).startsWith("TLSv1.2 TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384");
        assertThat(probe("TLSv1.1")).startsWith("refused").contains("protocol_version");
        assertThat(probe("TLSv1")).startsWith("refused").contains("protocol_version");
    }

    private boolean agreesTls12With(String suite) {
        try (SSLSocket ignored = handshake("TLSv1.2", suite)) {
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    private SSLSocket handshake(String protocol, String... suites) throws IOException {
        SSLSocket socket = socket();
        try {
            socket.setEnabledProtocols(new String[] {protocol});
            socket.setEnabledCipherSuites(suites);
            socket.startHandshake();
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    private SSLSocket socket() throws IOException {
        SSLSocket socket =
                (SSLSocket) Https.trustingOwnCertificate().getSocketFactory().createSocket("localhost", port);
        socket.setSoTimeout(10_000);
        return socket;
    }

    /** A handshake from a JVM whose own limits allow every protocol: only the server can refuse. */
    private String probe(String protocol) throws Exception {
        Path everythingAllowed = Files.createTempFile("tls-probe", ".security");
        Files.writeString(everythingAllowed, "jdk.tls.disabledAlgorithms=\n");
        Process process = new ProcessBuilder(
                        ProcessHandle.current().info().command().orElse("java"),
                        "-Djava.security.properties=" + everythingAllowed,
                        "-cp",
                        Path.of("target/test-classes").toString(),
                        TlsProbe.class.getName(),
                        Integer.toString(port),
                        protocol)
                .redirectErrorStream(true)
                .start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    }
}
