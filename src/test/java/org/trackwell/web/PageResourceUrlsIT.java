package org.trackwell.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.trackwell.support.Https;
import org.trackwell.support.TrackwellTest;

/**
 * Pages link the htmx script by its version, resolved from the webjar, and the link loads; the
 * filter that resolves it is Trackwell's, which leaves API requests alone.
 */
@TrackwellTest
class PageResourceUrlsIT {

    private static final Pattern HTMX = Pattern.compile("src=\"(/webjars/htmx\\.org/[^\"]+/dist/htmx\\.min\\.js)\"");

    @LocalServerPort
    int port;

    @Autowired
    List<FilterRegistrationBean<?>> filters;

    Https https;

    @BeforeEach
    void client() {
        https = new Https(port);
    }

    @AfterEach
    void close() {
        https.close();
    }

    @Test
    void pagesLinkTheHtmxScriptByItsVersionAndTheLinkLoads() {
        HttpResponse<String> page = https.get("localhost", "/", "Accept", "text/html");
        assertThat(page.statusCode()).isEqualTo(200);
        Matcher script = HTMX.matcher(page.body());
        assertThat(script.find()).as(page.body()).isTrue();
        assertThat(script.group(1)).matches("/webjars/htmx\\.org/\\d+\\.\\d+\\.\\d+/dist/htmx\\.min\\.js");

        HttpResponse<String> loaded = https.get("localhost", script.group(1));
        assertThat(loaded.statusCode()).isEqualTo(200);
        assertThat(loaded.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).contains("javascript"));
    }

    @Test
    void onlyTrackwellsOwnLinkFilterIsRegisteredTheOneThatSkipsTheApi() {
        assertThat(filters.stream()
                        .filter(registration -> registration.getFilter() instanceof ResourceUrlEncodingFilter))
                .singleElement()
                .satisfies(registration -> assertThat(
                                registration.getFilter().getClass().getName())
                        .startsWith("org.trackwell."));
    }
}
