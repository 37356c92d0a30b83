package org.trackwell.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.trackwell.support.Https;
import org.trackwell.support.TrackwellTest;

/**
 * One TLS connection serves as many requests as its client sends: Tomcat's default closed it after
 * 100, and every API client then paid a new handshake per 100 calls.
 */
@TrackwellTest
class KeepAliveIT {

    private static final Pattern ANSWERED = Pattern.compile("(?m)^HTTP/1\\.1 200 ");

    @LocalServerPort
    int port;

    @Test
    void oneConnectionServesMoreThanAHundredRequests() {
        String request = "GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n";
        String last = "GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";

        String answers = new Https(port).sendRaw(request.repeat(249) + last);

        assertThat(ANSWERED.matcher(answers).results().count()).isEqualTo(250);
    }
}
