package org.trackwell.web;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import org.trackwell.support.AcceptAnyCertificate;

/**
 * A TLS client in a JVM of its own, started by {@link TlsIT} with the JDK's own protocol limits
 * lifted, so that a refused old protocol is refused by the server. Prints the protocol and suite
 * agreed, or {@code refused} and why. Trusts any certificate: only the handshake is under test.
 */
public final class TlsProbe {

    private TlsProbe() {}

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String protocol = args[1];
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new AcceptAnyCertificate()}, null);
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("localhost", port)) {
            socket.setEnabledProtocols(new String[] {protocol});
            socket.setSoTimeout(10_000);
            socket.startHandshake();
            System.out.println(socket.getSession().getProtocol() + " "
                    + socket.getSession().getCipherSuite());
        } catch (javax.net.ssl.SSLException e) {
            System.out.println("refused: " + e.getMessage());
        }
    }
}
