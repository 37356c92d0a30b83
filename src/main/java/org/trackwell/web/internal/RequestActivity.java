package org.trackwell.web.internal;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * When someone last waited for a request: now while one is being answered (a report of a large
 * tenant takes seconds), otherwise when the last one ended. Health checks, polled all the time, do
 * not count.
 */
@Component
class RequestActivity implements Filter {

    private final Clock clock;
    private final AtomicInteger answering = new AtomicInteger();
    private volatile long lastRequestMillis;

    RequestActivity(Clock clock) {
        this.clock = clock;
        this.lastRequestMillis = clock.millis();
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest http && http.getRequestURI().startsWith("/health")) {
            chain.doFilter(request, response);
            return;
        }
        answering.incrementAndGet();
        try {
            chain.doFilter(request, response);
        } finally {
            lastRequestMillis = clock.millis();
            answering.decrementAndGet();
        }
    }

    Instant lastRequest() {
        return answering.get() > 0 ? clock.instant() : Instant.ofEpochMilli(lastRequestMillis);
    }
}
