package org.trackwell.monitoring.internal;

import java.sql.Array;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.trackwell.monitoring.ActivityRule;
import org.trackwell.monitoring.ActivityRuleSetting;
import org.trackwell.monitoring.WorkingHours;
import org.trackwell.shared.CurrentTenant;

/** The current tenant's changes to the rules' defaults, and its working hours. */
@Repository
public class ActivityRuleRows {

    private final JdbcClient jdbc;

    ActivityRuleRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every rule as the tenant runs it: its row, or its defaults. */
    public List<ActivityRuleSetting> rules() {
        List<Stored> stored = jdbc.sql("select * from activity_rule_setting")
                .query((row, n) -> new Stored(
                        row.getString("rule"),
                        row.getBoolean("enabled"),
                        (Integer) row.getObject("threshold"),
                        (Integer) row.getObject("window_minutes")))
                .list();
        return Arrays.stream(ActivityRule.values())
                .map(rule -> stored.stream()
                        .filter(s -> s.rule().equals(rule.slug()))
                        .findFirst()
                        .map(s -> new ActivityRuleSetting(rule, s.enabled(), s.threshold(), s.windowMinutes()))
                        .orElseGet(rule::defaults))
                .toList();
    }

    private record Stored(
            String rule,
            boolean enabled,
            @Nullable Integer threshold,
            @Nullable Integer windowMinutes) {}

    public void save(ActivityRuleSetting setting) {
        jdbc.sql("""
                insert into activity_rule_setting (tenant_id, rule, enabled, threshold, window_minutes)
                values (:tenant, :rule, :enabled, :threshold, :window)
                on conflict (tenant_id, rule) do update set enabled = excluded.enabled,
                    threshold = excluded.threshold, window_minutes = excluded.window_minutes""")
                .param("tenant", CurrentTenant.require().value())
                .param("rule", setting.rule().slug())
                .param("enabled", setting.enabled())
                .param("threshold", setting.threshold())
                .param("window", setting.windowMinutes())
                .update();
    }

    public Optional<WorkingHours> hours() {
        return jdbc.sql("select * from working_hours")
                .query((row, n) -> new WorkingHours(
                        days(row.getArray("days")),
                        row.getObject("starts", LocalTime.class),
                        row.getObject("ends", LocalTime.class)))
                .optional();
    }

    public void save(WorkingHours hours) {
        jdbc.sql("""
                insert into working_hours (tenant_id, days, starts, ends) values (:tenant, :days, :starts, :ends)
                on conflict (tenant_id) do update set days = excluded.days, starts = excluded.starts, ends = excluded.ends""")
                .param("tenant", CurrentTenant.require().value())
                .param("days", hours.days().stream().map(DayOfWeek::getValue).toArray(Integer[]::new))
                .param("starts", hours.starts())
                .param("ends", hours.ends())
                .update();
    }

    private static Set<DayOfWeek> days(Array array) throws SQLException {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (Integer day : (Integer[]) array.getArray()) {
            days.add(DayOfWeek.of(day));
        }
        return days;
    }
}
