package org.trackwell.support;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The pages as a browser without script uses them: cookies kept, forms posted with their CSRF token. */
public final class PageSession {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");

    private final Https https;
    private final String host;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    public PageSession(Https https, String host) {
        this.https = https;
        this.host = host;
    }

    /** Signs in through the sign-in form, failing the test if it does not go through. */
    public static PageSession signedIn(Api api, String email, String password) {
        PageSession session = new PageSession(api.https(), api.host());
        HttpResponse<String> signedIn = session.submit("/sign-in", "email", email, "password", password);
        if (signedIn.statusCode() != 302 && signedIn.statusCode() != 303) {
            throw new AssertionError("page sign-in failed: " + signedIn.statusCode());
        }
        return session;
    }

    public HttpResponse<String> get(String path) {
        return keepCookies(https.send(https.request(host, path, headers()).GET().build()));
    }

    /** Posts a form the way the page at {@code path} would: with the CSRF token that page carries. */
    public HttpResponse<String> submit(String path, String... fields) {
        return submitFrom(path, path, fields);
    }

    public HttpResponse<String> submitFrom(String page, String path, String... fields) {
        Matcher token = CSRF.matcher(get(page).body());
        if (!token.find()) {
            throw new AssertionError("no CSRF token on " + page);
        }
        String[] withToken = new String[fields.length + 2];
        System.arraycopy(fields, 0, withToken, 0, fields.length);
        withToken[fields.length] = "_csrf";
        withToken[fields.length + 1] = token.group(1);
        return post(path, withToken);
    }

    /** Posts exactly these fields, whatever the CSRF token among them. */
    public HttpResponse<String> post(String path, String... fields) {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i < fields.length; i += 2) {
            form.append(form.isEmpty() ? "" : "&")
                    .append(URLEncoder.encode(fields[i], StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        HttpRequest request = https.request(host, path, headers())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString()))
                .build();
        return keepCookies(https.send(request));
    }

    private String[] headers() {
        return cookies.isEmpty()
                ? new String[] {"Accept", "text/html"}
                : new String[] {
                    "Accept",
                    "text/html",
                    "Cookie",
                    cookies.entrySet().stream()
                            .map(cookie -> cookie.getKey() + "=" + cookie.getValue())
                            .collect(Collectors.joining("; "))
                };
    }

    private HttpResponse<String> keepCookies(HttpResponse<String> response) {
        for (String header : response.headers().allValues("set-cookie")) {
            String pair = header.split(";", 2)[0];
            int equals = pair.indexOf('=');
            String name = pair.substring(0, equals);
            String value = pair.substring(equals + 1);
            if (value.isEmpty() || header.contains("Max-Age=0")) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
        return response;
    }
}
