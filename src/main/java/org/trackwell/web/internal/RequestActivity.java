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
import org.springframework.stereotype.Component;

/** When the last request came that someone waits for: health checks, polled all the time, do not count. */
@Component
class RequestActivity implements Filter {

    private final Clock clock;
    private volatile long lastRequestMillis;

    RequestActivity(Clock clock) {
        this.clock = clock;
        this.lastRequestMillis = clock.millis();
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest http && http.getRequestURI().startsWith("/health"))) {
            lastRequestMillis = clock.millis();
        }
        chain.doFilter(request, response);
    }

    Instant lastRequest() {
        return Instant.ofEpochMilli(lastRequestMillis);
    }
}
