package org.trackwell.monitoring.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.trackwell.monitoring.Check;
import org.trackwell.monitoring.CheckResult;
import org.trackwell.monitoring.CheckStatus;

/**
 * Each integrity check's last result as metrics, for alerting rules beside Trackwell's own alerts:
 * whether it found something, and how long ago it ran. Read from the stored results at most once
 * every {@link #FRESH}, however often it is scraped; not a number (NaN) before a check's first run
 * and while it cannot run here.
 */
@Component
class CheckMeters implements MeterBinder {

    static final Duration FRESH = Duration.ofSeconds(30);

    private final CheckRows rows;
    private final Clock clock;
    private volatile @Nullable Reading reading;

    CheckMeters(CheckRows rows, Clock clock) {
        this.rows = rows;
        this.clock = clock;
    }

    private record Reading(Instant at, Map<Check, CheckResult> latest) {}

    @Override
    public void bindTo(MeterRegistry registry) {
        for (Check check : Check.values()) {
            String name = check.name().toLowerCase(Locale.ROOT).replace('_', '-');
            Gauge.builder("trackwell.check.finding", this, meters -> meters.finding(check))
                    .description("1 when the integrity check's last run found something, 0 when it found nothing")
                    .tag("check", name)
                    .register(registry);
            TimeGauge.builder("trackwell.check.age", this, TimeUnit.SECONDS, meters -> meters.age(check))
                    .description("Time since the integrity check last ran")
                    .tag("check", name)
                    .register(registry);
        }
    }

    private double finding(Check check) {
        CheckResult result = latest().get(check);
        if (result == null || result.status() == CheckStatus.NOT_AVAILABLE) {
            return Double.NaN;
        }
        return result.finding() ? 1.0 : 0.0;
    }

    private double age(Check check) {
        CheckResult result = latest().get(check);
        return result == null
                ? Double.NaN
                : Duration.between(result.checkedAt(), clock.instant()).toMillis() / 1000.0;
    }

    private Map<Check, CheckResult> latest() {
        Instant now = clock.instant();
        Reading last = reading;
        if (last == null || Duration.between(last.at(), now).compareTo(FRESH) > 0) {
            Map<Check, CheckResult> latest = new EnumMap<>(Check.class);
            rows.latestOfEach().forEach(result -> latest.put(result.check(), result));
            last = new Reading(now, latest);
            reading = last;
        }
        return last.latest();
    }
}
