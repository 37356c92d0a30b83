package org.trackwell.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.support.WebApplicationContextUtils;
import org.trackwell.shared.StartRefused;

/**
 * The requests the management server serves on its own port. They are told apart by the
 * application context whose server received them, never by anything the caller sends (a Host
 * header, a path), so no request to the main port can pass for one.
 */
final class ManagementServerRequests implements RequestMatcher {

    private static final String MANAGEMENT = "management";

    @Override
    public boolean matches(HttpServletRequest request) {
        WebApplicationContext context =
                WebApplicationContextUtils.getWebApplicationContext(request.getServletContext());
        return context != null && WebServerApplicationContext.hasServerNamespace(context, MANAGEMENT);
    }

    /**
     * Start is refused where the management server would be reached by more than this machine
     * without TLS, or would share the main port, where every tenant's host would reach it.
     */
    static void refuseUnsafe(Environment environment) {
        ManagementPortType port = ManagementPortType.get(environment);
        if (port == ManagementPortType.SAME) {
            throw new StartRefused(
                    "The management port (metrics) is the main HTTPS port, where every tenant's host would reach it.",
                    "Set TRACKWELL_MANAGEMENT_PORT to a port of its own, or to -1 to serve no metrics.");
        }
        boolean tls = environment.getProperty("management.server.ssl.enabled", Boolean.class, false);
        if (port == ManagementPortType.DIFFERENT
                && !tls
                && !loopback(environment.getProperty("management.server.address"))) {
            throw new StartRefused(
                    "The management port (metrics) would listen beyond this machine without TLS.",
                    "Leave TRACKWELL_MANAGEMENT_ADDRESS at 127.0.0.1 and scrape from this machine, or set up TLS for it"
                            + " (MANAGEMENT_SERVER_SSL_ENABLED=true and MANAGEMENT_SERVER_SSL_BUNDLE); docs/operations.md.");
        }
    }

    private static boolean loopback(@Nullable String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        try {
            return InetAddress.getByName(address.strip()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
