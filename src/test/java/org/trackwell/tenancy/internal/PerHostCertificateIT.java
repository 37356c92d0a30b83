package org.trackwell.tenancy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.trackwell.shared.DataDirectory;
import org.trackwell.support.AcceptAnyCertificate;
import org.trackwell.support.TestData;
import org.trackwell.support.TrackwellTest;

/** A tenant host with a certificate of its own, chosen by the name the client asks for (SNI). */
@TrackwellTest
@TestPropertySource(
        properties = {
            "spring.ssl.bundle.jks.acme.keystore.location=file:${trackwell.data-dir}/sni/acme.p12",
            "spring.ssl.bundle.jks.acme.keystore.password=acme-test-only",
            "spring.ssl.bundle.jks.acme.keystore.type=PKCS12",
            "server.ssl.server-name-bundles[0].server-name=acme.localhost",
            "server.ssl.server-name-bundles[0].bundle=acme"
        })
class PerHostCertificateIT {

    static {
        DataDirectory.openPrivate(TestData.DIRECTORY);
        SelfSignedCertificate.write(
                TestData.DIRECTORY.resolve("sni/acme.p12"), "acme-test-only".toCharArray(), "acme.localhost");
    }

    @LocalServerPort
    int port;

    @Test
    void servesEachHostItsOwnCertificate() throws Exception {
        assertThat(namesOfCertificateFor("acme.localhost")).containsExactly("acme.localhost");
        assertThat(namesOfCertificateFor("demo.localhost")).contains("*.localhost");
    }

    private List<String> namesOfCertificateFor(String host) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new AcceptAnyCertificate()}, null);
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port)) {
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setServerNames(List.of(new SNIHostName(host)));
            socket.setSSLParameters(parameters);
            socket.startHandshake();
            X509Certificate certificate = (X509Certificate) socket.getSession().getPeerCertificates()[0];
            return certificate.getSubjectAlternativeNames().stream()
                    .map(name -> (String) name.get(1))
                    .toList();
        }
    }
}
