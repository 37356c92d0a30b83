package org.trackwell.monitoring;

import java.time.ZoneId;
import java.util.List;

/**
 * A tenant's suspicious-activity rules, its working hours and its time zone (the medication
 * settings' zone, the one setting of the service's time zone today).
 */
public record ActivityRuleSettings(List<ActivityRuleSetting> rules, WorkingHours hours, ZoneId zone) {

    public ActivityRuleSettings {
        rules = List.copyOf(rules);
    }

    public ActivityRuleSetting of(ActivityRule rule) {
        return rules.stream()
                .filter(setting -> setting.rule() == rule)
                .findFirst()
                .orElseGet(rule::defaults);
    }

    public boolean enabled(ActivityRule rule) {
        return of(rule).enabled();
    }
}
