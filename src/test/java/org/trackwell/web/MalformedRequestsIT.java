package org.trackwell.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.trackwell.support.Https;
import org.trackwell.support.TrackwellTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests so malformed that Tomcat refuses them before the application sees them, sent over raw
 * TLS (an HTTP client will not send them): the API answers with problem+json, the pages with the
 * site's own error page, never with Tomcat's.
 */
@TrackwellTest
class MalformedRequestsIT {

    @LocalServerPort
    int port;

    @Test
    void aMalformedUrlOnTheApiIsAProblem() {
        Reply reply = send("GET /api/v1/% HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertProblem(reply, 400);
    }

    @Test
    void anEncodedSlashOrNulOnTheApiIsAProblem() {
        assertProblem(send("GET /api/v1/clients%2fx HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"), 400);
        assertProblem(send("GET /api/v1/clients/%00 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"), 400);
    }

    @Test
    void aBadHeaderOnTheApiIsAProblem() {
        assertProblem(
                send("GET /api/v1/me HTTP/1.1\r\nHost: localhost\r\nBad Header: x\r\nConnection: close\r\n\r\n"), 400);
        assertProblem(
                send("GET /api/v1/me HTTP/1.1\r\nHost: localhost\r\nX-Note: a\u0001b\r\nConnection: close\r\n\r\n"),
                400);
        assertProblem(send("GET /api/v1/me HTTP/1.1\r\nHost: local host\r\nConnection: close\r\n\r\n"), 400);
    }

    @Test
    void anUnknownHttpVersionOnTheApiIsAProblem() {
        assertProblem(send("GET /api/v1/me HTTP/9.9\r\nHost: localhost\r\nConnection: close\r\n\r\n"), 505);
    }

    @Test
    void aMalformedUrlOnAPageIsTheSitesErrorPage() {
        assertErrorPage(send("GET /% HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"));
        assertErrorPage(send("GET /clients HTTP/1.1\r\nHost: localhost\r\nBad Header: x\r\nConnection: close\r\n\r\n"));
    }

    @Test
    void invalidCharactersInTheRequestLineGetTheSitesErrorPage() {
        // The request line cannot be read, so there is no path to tell the API from the pages.
        assertErrorPage(send("GET /clients|x HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"));
        assertErrorPage(send("G@T / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"));
    }

    private static void assertProblem(Reply reply, int status) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.header("content-type")).isEqualTo("application/problem+json");
        assertSecurityHeaders(reply);
        JsonNode problem = JsonMapper.builder().build().readTree(reply.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("detail").asString()).isNotBlank();
        assertThat(problem.has("instance")).isFalse();
    }

    private static void assertErrorPage(Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.header("content-type")).isEqualTo("text/html;charset=UTF-8");
        assertSecurityHeaders(reply);
        assertThat(reply.body())
                .contains("<title>Bad Request · Trackwell</title>")
                .contains("class=\"site-header\"")
                .contains("<h1>Bad Request</h1>")
                .contains("class=\"site-footer\"")
                .doesNotContain("HTTP Status")
                .doesNotContain("Tomcat");
    }

    private static void assertSecurityHeaders(Reply reply) {
        assertThat(reply.header("strict-transport-security")).contains("max-age=31536000");
        assertThat(reply.header("content-security-policy")).contains("default-src 'self'");
        assertThat(reply.header("x-content-type-options")).isEqualTo("nosniff");
        assertThat(reply.header("server")).isNull();
    }

    private Reply send(String request) {
        return Reply.parse(new Https(port).sendRaw(request));
    }

    private record Reply(int status, Map<String, String> headers, String body) {

        static Reply parse(String raw) {
            int end = raw.indexOf("\r\n\r\n");
            String[] lines = raw.substring(0, end).split("\r\n");
            Map<String, String> headers = new TreeMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(
                        lines[i].substring(0, colon).toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).strip());
            }
            return new Reply(Integer.parseInt(lines[0].split(" ")[1]), headers, raw.substring(end + 4));
        }

        String header(String name) {
            return headers.get(name);
        }
    }
}
