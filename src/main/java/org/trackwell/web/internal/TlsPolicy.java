package org.trackwell.web.internal;

import java.util.List;
import org.apache.catalina.connector.Connector;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.stereotype.Component;

/**
 * The TLS every host name is served with, whatever certificate or bundle it has: TLS 1.3, and TLS
 * 1.2 with only forward-secret AEAD suites (ECDHE with AES-GCM or ChaCha20-Poly1305), chosen in the
 * server's order. Fixed here rather than left to configuration, so no certificate bundle can bring
 * back CBC suites, static RSA key exchange or an older protocol.
 */
@Component
class TlsPolicy implements TomcatConnectorCustomizer {

    static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    static final List<String> TLS_1_3_SUITES =
            List.of("TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256", "TLS_AES_128_GCM_SHA256");

    static final List<String> TLS_1_2_SUITES = List.of(
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");

    @Override
    public void customize(Connector connector) {
        for (SSLHostConfig host : connector.findSslHostConfigs()) {
            host.setProtocols(String.join(",", PROTOCOLS));
            host.setCipherSuites(String.join(":", TLS_1_3_SUITES));
            host.setCiphers(String.join(":", TLS_1_2_SUITES));
            host.setHonorCipherOrder(true);
        }
    }
}
