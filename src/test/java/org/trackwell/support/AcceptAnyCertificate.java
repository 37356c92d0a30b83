package org.trackwell.support;

import java.security.cert.X509Certificate;
import javax.net.ssl.X509TrustManager;

/**
 * For tests that look at the TLS handshake itself (which certificate, which protocol, which suite):
 * nothing that matters is sent over such a connection.
 */
public final class AcceptAnyCertificate implements X509TrustManager {

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
