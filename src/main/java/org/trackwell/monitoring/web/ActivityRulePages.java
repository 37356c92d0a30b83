package org.trackwell.monitoring.web;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.trackwell.monitoring.ActivityRule;
import org.trackwell.monitoring.ActivityRuleSetting;
import org.trackwell.monitoring.ActivityRules;
import org.trackwell.monitoring.MonitoringRefused;
import org.trackwell.monitoring.WorkingHours;
import org.trackwell.shared.FormOutcome;

/**
 * The tenant admins' page of suspicious-activity rules: each rule on or off, its threshold and
 * window, and the working hours. The form's fields are named after each rule ({@code threshold-exports}),
 * so they are read one by one here and mapped to the service's records.
 */
@Controller
@PreAuthorize("hasRole('TENANT_ADMIN')")
class ActivityRulePages {

    private final ActivityRules rules;

    ActivityRulePages(ActivityRules rules) {
        this.rules = rules;
    }

    /** One day as the form shows it. */
    record Day(DayOfWeek value, String name, boolean working) {}

    @GetMapping("/admin/activity-rules")
    String page(Model model) {
        var settings = rules.settings();
        model.addAttribute("settings", settings);
        model.addAttribute(
                "days",
                Arrays.stream(DayOfWeek.values())
                        .map(day -> new Day(
                                day,
                                day.getDisplayName(TextStyle.FULL, Locale.UK),
                                settings.hours().worksOn(day)))
                        .toList());
        model.addAttribute("maxThreshold", ActivityRule.MAX_THRESHOLD);
        model.addAttribute("maxWindow", ActivityRule.MAX_WINDOW_MINUTES);
        return "monitoring/activity-rules";
    }

    @PostMapping("/admin/activity-rules")
    String change(@RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        FormOutcome.flash(redirect, () -> {
            List<ActivityRuleSetting> changed = new ArrayList<>();
            for (ActivityRule rule : ActivityRule.values()) {
                boolean enabled = form.containsKey("enabled-" + rule.slug());
                changed.add(
                        rule.counted()
                                ? new ActivityRuleSetting(
                                        rule,
                                        enabled,
                                        number(rule, form.getFirst("threshold-" + rule.slug())),
                                        number(rule, form.getFirst("window-" + rule.slug())))
                                : new ActivityRuleSetting(rule, enabled, null, null));
            }
            rules.change(changed, hours(form));
            return "Rules saved.";
        });
        return "redirect:/admin/activity-rules";
    }

    private static int number(ActivityRule rule, @Nullable String typed) {
        try {
            return Integer.parseInt(typed == null ? "" : typed.strip());
        } catch (NumberFormatException notANumber) {
            throw new MonitoringRefused(rule.title() + ": write a whole number, such as 5.");
        }
    }

    private static WorkingHours hours(MultiValueMap<String, String> form) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String day : form.getOrDefault("day", List.of())) {
            try {
                days.add(DayOfWeek.valueOf(day));
            } catch (IllegalArgumentException unknown) {
                throw new MonitoringRefused("Working hours: choose the working days from the list.");
            }
        }
        return new WorkingHours(days, time(form.getFirst("starts")), time(form.getFirst("ends")));
    }

    private static LocalTime time(@Nullable String typed) {
        try {
            return LocalTime.parse(typed == null ? "" : typed.strip());
        } catch (DateTimeParseException notATime) {
            throw new MonitoringRefused("Working hours: write the times as hours and minutes, such as 08:00.");
        }
    }
}
