package org.trackwell.monitoring.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.trackwell.audit.AuditTrail;
import org.trackwell.monitoring.MonitoringProperties;
import org.trackwell.shared.TenantId;

/**
 * Where a tenant's webhook may post: only to the public internet, never to this machine or a
 * private network, so that a tenant admin cannot make the service call its own management port, a
 * cloud's metadata address or a neighbour on the operator's network. The operators' own webhooks
 * may go anywhere: they run the network. Checked when a webhook is added and again before each
 * post, since a host name can be pointed elsewhere later; the JVM caches the answer for the post
 * that follows at once.
 */
@Component
public class WebhookAddresses {

    private final MonitoringProperties properties;

    WebhookAddresses(MonitoringProperties properties) {
        this.properties = properties;
    }

    /** Why a post to this address is refused for this stream, or nothing when it may go. */
    public Optional<String> refusal(URI address, TenantId stream) {
        if (stream.equals(AuditTrail.OPERATOR_STREAM)) {
            return Optional.empty();
        }
        InetAddress[] resolved;
        try {
            resolved = InetAddress.getAllByName(address.getHost());
        } catch (UnknownHostException e) {
            // A name that resolves nowhere reaches nothing; its post fails as unanswered.
            return Optional.empty();
        }
        if (Arrays.stream(resolved).allMatch(this::public_)) {
            return Optional.empty();
        }
        return Optional.of("it is on this machine or a private network");
    }

    private boolean public_(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return properties.webhooksToLoopback();
        }
        return !(address.isAnyLocalAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()
                || reserved(address));
    }

    /** Ranges Java's own tests leave out: shared address space, IPv6 unique-local, and IPv4 inside NAT64. */
    private boolean reserved(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            return first == 0
                    || (first == 100 && second >= 64 && second < 128)
                    || (first == 192 && second == 0 && (bytes[2] & 0xff) == 0)
                    || (first == 198 && (second == 18 || second == 19))
                    || first >= 240;
        }
        if (address instanceof Inet6Address) {
            if ((bytes[0] & 0xfe) == 0xfc) {
                return true;
            }
            boolean nat64 =
                    bytes[0] == 0x00 && bytes[1] == 0x64 && (bytes[2] & 0xff) == 0xff && (bytes[3] & 0xff) == 0x9b;
            if (nat64) {
                try {
                    return !public_(InetAddress.getByAddress(Arrays.copyOfRange(bytes, 12, 16)));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
        }
        return false;
    }
}
