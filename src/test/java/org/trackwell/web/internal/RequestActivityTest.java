package org.trackwell.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.trackwell.support.MutableClock;

class RequestActivityTest {

    private final MutableClock clock = new MutableClock();
    private final RequestActivity activity = new RequestActivity(clock);

    @Test
    void aRequestBeingAnsweredIsActivityNowAndItsEndIsTheLastActivity() throws Exception {
        Instant started = clock.instant();
        AtomicReference<Instant> seenWhileAnswering = new AtomicReference<>();
        activity.doFilter(
                new MockHttpServletRequest("GET", "/api/v1/reports/outcomes"),
                new MockHttpServletResponse(),
                (request, response) -> {
                    clock.advance(Duration.ofSeconds(20));
                    seenWhileAnswering.set(activity.lastRequest());
                });

        Instant ended = started.plusSeconds(20);
        assertThat(seenWhileAnswering.get()).isBetween(ended, ended.plusSeconds(1));
        clock.advance(Duration.ofSeconds(5));
        assertThat(activity.lastRequest()).isBetween(ended.minusMillis(1), ended.plusSeconds(1));
    }

    @Test
    void healthChecksAreNotActivity() throws Exception {
        Instant before = activity.lastRequest();
        clock.advance(Duration.ofSeconds(30));
        activity.doFilter(
                new MockHttpServletRequest("GET", "/health"), new MockHttpServletResponse(), (request, response) -> {});

        assertThat(activity.lastRequest()).isEqualTo(before);
    }
}
