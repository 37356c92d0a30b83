package org.trackwell.web;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.trackwell.identity.SessionCookie;
import org.trackwell.support.Https;

/**
 * One column of the matrix: who calls, on which host, with what. The API gets the session token
 * as a bearer header; pages get it as the session cookie, with the CSRF cookie and token a page of
 * the site handed out, as a browser would send them.
 */
record Caller(
        String column,
        String host,
        @Nullable String token,
        @Nullable String userId,
        String csrfHeader,
        String csrfToken,
        String csrfCookie) {

    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,*/*;q=0.8";
    private static final Pattern META = Pattern.compile("<meta name=\"(csrf-token|csrf-header)\" content=\"([^\"]+)\"");
    private static final Pattern CSRF_COOKIE = Pattern.compile(SessionCookie.CSRF_NAME + "=([^;]+)");

    /** A caller with the given session (or none), holding the CSRF token of the site's home page. */
    static Caller signedIn(Https https, String column, String host, @Nullable String token, @Nullable String userId) {
        HttpRequest.Builder home = https.request(host, "/", "Accept", "text/html");
        if (token != null) {
            home.header("Cookie", SessionCookie.NAME + "=" + token);
        }
        HttpResponse<String> page = https.send(home.GET().build());
        Map<String, String> meta = META.matcher(page.body())
                .results()
                .collect(Collectors.toMap(match -> match.group(1), match -> match.group(2)));
        Matcher cookie = CSRF_COOKIE.matcher(String.join("; ", page.headers().allValues("Set-Cookie")));
        if (!meta.containsKey("csrf-token") || !cookie.find()) {
            throw new IllegalStateException("no CSRF token on the home page of " + host + ": " + page.statusCode());
        }
        return new Caller(
                column, host, token, userId, meta.get("csrf-header"), meta.get("csrf-token"), cookie.group(1));
    }

    HttpResponse<String> send(Https https, String method, String target, Body body) {
        boolean api = target.startsWith("/api/");
        HttpRequest.Builder request = https.request(host, target, "Accept", api ? "application/json" : BROWSER_ACCEPT);
        if (api && token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (!api) {
            request.header(
                    "Cookie",
                    (token == null ? "" : SessionCookie.NAME + "=" + token + "; ") + SessionCookie.CSRF_NAME + "="
                            + csrfCookie);
            if (!method.equals("GET")) {
                request.header(csrfHeader, csrfToken);
            }
        }
        if (body.contentType() != null) {
            request.header("Content-Type", body.contentType());
        }
        return https.send(request.method(method, body.publisher()).build());
    }

    /** What a response says in the matrix: its status, or {@code sign-in} for a redirect to the sign-in page. */
    static String outcome(HttpResponse<String> response) {
        if (response.statusCode() == 302) {
            URI location = URI.create(response.headers().firstValue("Location").orElse(""));
            if ("/sign-in".equals(location.getPath()) && location.getQuery() == null) {
                return "sign-in";
            }
        }
        return String.valueOf(response.statusCode());
    }

    /** A request body: none, JSON, a page's form, bytes such as an image, or a page's form with a file. */
    sealed interface Body {

        Body NONE = new Empty();

        @Nullable
        String contentType();

        BodyPublisher publisher();

        record Empty() implements Body {
            @Override
            public @Nullable String contentType() {
                return null;
            }

            @Override
            public BodyPublisher publisher() {
                return BodyPublishers.noBody();
            }
        }

        record Json(String text) implements Body {
            @Override
            public String contentType() {
                return "application/json";
            }

            @Override
            public BodyPublisher publisher() {
                return BodyPublishers.ofString(text);
            }
        }

        record Bytes(String contentType, byte[] bytes) implements Body {
            @Override
            public BodyPublisher publisher() {
                return BodyPublishers.ofByteArray(bytes);
            }
        }

        /** A form with one file, as a browser sends an upload. */
        record Upload(String field, String fileName, String fileType, byte[] bytes) implements Body {

            private static final String BOUNDARY = "matrix-boundary-7d1f";

            @Override
            public String contentType() {
                return "multipart/form-data; boundary=" + BOUNDARY;
            }

            @Override
            public BodyPublisher publisher() {
                String head = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + field
                        + "\"; filename=\"" + fileName + "\"\r\nContent-Type: " + fileType + "\r\n\r\n";
                String tail = "\r\n--" + BOUNDARY + "--\r\n";
                byte[] start = head.getBytes(StandardCharsets.UTF_8);
                byte[] end = tail.getBytes(StandardCharsets.UTF_8);
                byte[] all = new byte[start.length + bytes.length + end.length];
                System.arraycopy(start, 0, all, 0, start.length);
                System.arraycopy(bytes, 0, all, start.length, bytes.length);
                System.arraycopy(end, 0, all, start.length + bytes.length, end.length);
                return BodyPublishers.ofByteArray(all);
            }
        }

        record Form(Map<String, String> fields) implements Body {
            @Override
            public String contentType() {
                return "application/x-www-form-urlencoded";
            }

            @Override
            public BodyPublisher publisher() {
                return BodyPublishers.ofString(fields.entrySet().stream()
                        .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                        .collect(Collectors.joining("&")));
            }

            private static String encode(String text) {
                return URLEncoder.encode(text, StandardCharsets.UTF_8);
            }
        }
    }
}
