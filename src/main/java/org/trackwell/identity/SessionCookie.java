package org.trackwell.identity;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/**
 * The page session cookie: the same opaque token as the API's bearer token, {@code __Host-}
 * prefixed (so no subdomain can set it), Secure, HttpOnly, SameSite=Strict, for the whole host.
 */
public final class SessionCookie {

    public static final String NAME = "__Host-trackwell-session";

    /** The page forms' CSRF token cookie; dropped at sign-in so the signed-in session gets a new one. */
    public static final String CSRF_NAME = "__Host-trackwell-csrf";

    private SessionCookie() {}

    public static void set(HttpServletResponse response, SessionToken token) {
        response.addHeader(HttpHeaders.SET_COOKIE, cookie(token.token()).toString());
        response.addHeader(HttpHeaders.SET_COOKIE, expired(CSRF_NAME).toString());
    }

    public static void clear(HttpServletResponse response) {
        response.addHeader(HttpHeaders.SET_COOKIE, expired(NAME).toString());
    }

    private static ResponseCookie expired(String name) {
        return ResponseCookie.from(name, "")
                .maxAge(0)
                .path("/")
                .secure(true)
                .httpOnly(true)
                .sameSite("Strict")
                .build();
    }

    public static Optional<String> read(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (NAME.equals(cookie.getName()) && !cookie.getValue().isBlank()) {
                return Optional.of(cookie.getValue());
            }
        }
        return Optional.empty();
    }

    private static ResponseCookie cookie(String value) {
        return ResponseCookie.from(NAME, value)
                .path("/")
                .secure(true)
                .httpOnly(true)
                .sameSite("Strict")
                .build();
    }
}
