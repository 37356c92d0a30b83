package org.trackwell.mail.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.ToLongFunction;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.trackwell.mail.Outbox;

/**
 * The mail queue as metrics: e-mail waiting to be tried again, and e-mail given up. Counted across
 * every stream at most once every {@link #FRESH}, however often it is scraped.
 */
@Component
class MailQueueMeters implements MeterBinder {

    static final Duration FRESH = Duration.ofSeconds(30);

    private final Outbox outbox;
    private final Clock clock;
    private volatile @Nullable Reading reading;

    MailQueueMeters(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    private record Reading(Instant at, Outbox.Queue queue) {}

    @Override
    public void bindTo(MeterRegistry registry) {
        gauge(
                registry,
                "waiting",
                "E-mail the mail server has not taken yet, to be tried again",
                Outbox.Queue::waiting);
        gauge(
                registry,
                "given-up",
                "E-mail given up after its last try, kept for the admins' page",
                Outbox.Queue::givenUp);
    }

    private void gauge(MeterRegistry registry, String state, String description, ToLongFunction<Outbox.Queue> count) {
        Gauge.builder("trackwell.mail.queue", this, meters -> count.applyAsLong(meters.queue()))
                .description(description)
                .tag("state", state)
                .register(registry);
    }

    private Outbox.Queue queue() {
        Instant now = clock.instant();
        Reading last = reading;
        if (last == null || Duration.between(last.at(), now).compareTo(FRESH) > 0) {
            last = new Reading(now, outbox.queue());
            reading = last;
        }
        return last.queue();
    }
}
