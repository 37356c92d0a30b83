package org.trackwell.monitoring;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One rule as a tenant runs it: on or off, and for a counted rule its threshold and window
 * (null for a rule that fires on every entry of its kind).
 */
public record ActivityRuleSetting(
        ActivityRule rule,
        boolean enabled,
        @Nullable Integer threshold,
        @Nullable Integer windowMinutes) {

    public int thresholdOrOne() {
        return threshold == null ? 1 : threshold;
    }

    /** The window a counted rule looks back over; an hour for the others, one alert per subject in it. */
    public Duration window() {
        return Duration.ofMinutes(windowMinutes == null ? 60 : windowMinutes);
    }

    /** Checks the values, in words a tenant admin reads. */
    ActivityRuleSetting checked() {
        if (!rule.counted()) {
            return new ActivityRuleSetting(rule, enabled, null, null);
        }
        int count = Objects.requireNonNull(threshold, "a counted rule's form always carries a threshold");
        int minutes = Objects.requireNonNull(windowMinutes, "a counted rule's form always carries a window");
        if (count < 1 || count > ActivityRule.MAX_THRESHOLD) {
            throw new MonitoringRefused(
                    rule.title() + ": the number must be from 1 to " + ActivityRule.MAX_THRESHOLD + ".");
        }
        if (minutes < 1 || minutes > ActivityRule.MAX_WINDOW_MINUTES) {
            throw new MonitoringRefused(
                    rule.title() + ": the time must be from 1 to " + ActivityRule.MAX_WINDOW_MINUTES + " minutes.");
        }
        return this;
    }
}
