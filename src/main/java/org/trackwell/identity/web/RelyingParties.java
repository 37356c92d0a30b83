package org.trackwell.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import org.trackwell.identity.Passkeys;

/**
 * The WebAuthn relying party of a request: the tenant's host name, and the origin the browser
 * used (https, the host, and the port unless 443; behind a proxy the forwarded port), which a
 * passkey's signature must name.
 */
final class RelyingParties {

    private RelyingParties() {}

    static Passkeys.RelyingParty of(HttpServletRequest request) {
        int port = request.getServerPort();
        String origin = "https://" + request.getServerName() + (port == 443 ? "" : ":" + port);
        return new Passkeys.RelyingParty(request.getServerName(), origin);
    }
}
