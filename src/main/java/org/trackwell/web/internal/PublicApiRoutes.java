package org.trackwell.web.internal;

import java.util.List;

/**
 * The API routes anyone may call without a session or key: signing in and setting up, the audit
 * trail's public key, the client's own links, and the API's description. The security chain
 * permits exactly these, and the description marks exactly these as needing no authentication.
 */
final class PublicApiRoutes {

    static final String DESCRIPTION = "/api/openapi.json";

    static final List<String> PATTERNS = List.of(
            DESCRIPTION,
            DESCRIPTION + ".yaml",
            "/api/v1/auth/login",
            "/api/v1/auth/login/mfa",
            "/api/v1/auth/setup",
            "/api/v1/auth/password-reset",
            "/api/v1/auth/password-reset/complete",
            "/api/v1/audit/public-key",
            "/api/v1/operator/login",
            "/api/v1/operator/login/mfa",
            "/api/v1/operator/setup",
            "/api/v1/auth/login/passkey/options",
            "/api/v1/auth/login/passkey",
            "/api/v1/client-links/{token}",
            "/api/v1/client-links/{token}/charts");

    private PublicApiRoutes() {}

    /** The patterns as Spring Security matches them ({@code *} for a path variable). */
    static String[] asSecurityPatterns() {
        return PATTERNS.stream()
                .map(pattern -> pattern.replaceAll("\\{[^}]+}", "*"))
                .toArray(String[]::new);
    }
}
