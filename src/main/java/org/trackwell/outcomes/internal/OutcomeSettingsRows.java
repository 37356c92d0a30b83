package org.trackwell.outcomes.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.trackwell.outcomes.internal.CatalogueEntry.Origin;
import org.trackwell.shared.TenantId;
import org.trackwell.shared.UserId;

/** A tenant's outcome settings, session types, own measure definitions and clients' primary measures. */
@Repository
public class OutcomeSettingsRows {

    private final JdbcClient jdbc;

    OutcomeSettingsRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<OutcomeSettings> find() {
        return jdbc.sql("select * from outcome_settings")
                .query((row, n) -> new OutcomeSettings(
                        row.getBoolean("commercial"),
                        split(row.getString("enabled_measures")),
                        split(row.getString("licensed_measures")),
                        row.getString("primary_measure"),
                        row.getInt("not_seen_warning_days"),
                        row.getInt("not_seen_alert_days"),
                        row.getInt("max_goals"),
                        row.getInt("link_validity_days"),
                        row.getInt("chart_link_validity_days"),
                        row.getObject("send_before_hours", Integer.class),
                        row.getObject("feedback_after_hours", Integer.class),
                        row.getString("feedback_measure"),
                        row.getInt("pcl5_cut_off")))
                .optional();
    }

    public void save(TenantId tenant, OutcomeSettings settings) {
        Map<String, @Nullable Object> values = new HashMap<>();
        values.put("tenant", tenant.value());
        values.put("commercial", settings.commercial());
        values.put("enabled", String.join(",", new TreeSet<>(settings.enabledMeasures())));
        values.put("licensed", String.join(",", new TreeSet<>(settings.licensedMeasures())));
        values.put("primary", settings.primaryMeasure());
        values.put("warning", settings.notSeenWarningDays());
        values.put("alert", settings.notSeenAlertDays());
        values.put("goals", settings.maxGoals());
        values.put("link", settings.linkValidityDays());
        values.put("chart", settings.chartLinkValidityDays());
        values.put("before", settings.sendBeforeHours());
        values.put("after", settings.feedbackAfterHours());
        values.put("feedback", settings.feedbackMeasure());
        values.put("pcl5", settings.pcl5CutOff());
        jdbc.sql("""
                insert into outcome_settings (tenant_id, commercial, enabled_measures, licensed_measures,
                  primary_measure, not_seen_warning_days, not_seen_alert_days, max_goals, link_validity_days,
                  chart_link_validity_days, send_before_hours, feedback_after_hours, feedback_measure, pcl5_cut_off)
                values (:tenant, :commercial, :enabled, :licensed, :primary, :warning, :alert, :goals, :link,
                  :chart, :before, :after, :feedback, :pcl5)
                on conflict (tenant_id) do update set commercial = excluded.commercial,
                  enabled_measures = excluded.enabled_measures, licensed_measures = excluded.licensed_measures,
                  primary_measure = excluded.primary_measure, not_seen_warning_days = excluded.not_seen_warning_days,
                  not_seen_alert_days = excluded.not_seen_alert_days, max_goals = excluded.max_goals,
                  link_validity_days = excluded.link_validity_days,
                  chart_link_validity_days = excluded.chart_link_validity_days,
                  send_before_hours = excluded.send_before_hours, feedback_after_hours = excluded.feedback_after_hours,
                  feedback_measure = excluded.feedback_measure, pcl5_cut_off = excluded.pcl5_cut_off""").params(values).update();
    }

    public List<SessionType> sessionTypes() {
        return jdbc.sql("select code, name, measures, treatment from session_type order by position")
                .query((row, n) -> new SessionType(
                        row.getString("code"),
                        row.getString("name"),
                        row.getString("measures").isBlank()
                                ? List.of()
                                : List.of(row.getString("measures").split(",")),
                        row.getBoolean("treatment")))
                .list();
    }

    public void replaceSessionTypes(TenantId tenant, List<SessionType> types) {
        jdbc.sql("delete from session_type").update();
        for (int i = 0; i < types.size(); i++) {
            SessionType type = types.get(i);
            jdbc.sql("""
                    insert into session_type (tenant_id, code, name, measures, treatment, position)
                    values (:tenant, :code, :name, :measures, :treatment, :position)""")
                    .param("tenant", tenant.value())
                    .param("code", type.code())
                    .param("name", type.name())
                    .param("measures", String.join(",", type.measures()))
                    .param("treatment", type.treatment())
                    .param("position", i)
                    .update();
        }
    }

    /** The tenant's own definitions, latest version of each, as stored JSON. */
    public List<OwnDefinition> ownDefinitions() {
        return jdbc.sql("""
                select distinct on (measure_id) measure_id, version, definition, origin from tenant_measure
                order by measure_id, version desc""")
                .query((row, n) -> new OwnDefinition(
                        row.getString("measure_id"),
                        row.getInt("version"),
                        row.getString("definition"),
                        Origin.valueOf(row.getString("origin"))))
                .list();
    }

    public Optional<OwnDefinition> ownDefinition(String id, int version) {
        return jdbc.sql("select * from tenant_measure where measure_id = :id and version = :version")
                .param("id", id)
                .param("version", version)
                .query((row, n) -> new OwnDefinition(
                        row.getString("measure_id"),
                        row.getInt("version"),
                        row.getString("definition"),
                        Origin.valueOf(row.getString("origin"))))
                .optional();
    }

    public record OwnDefinition(String id, int version, String json, Origin origin) {}

    public void addDefinition(
            TenantId tenant, String id, int version, String json, Origin origin, UserId by, Instant now) {
        jdbc.sql("""
                insert into tenant_measure (tenant_id, measure_id, version, definition, origin, created_at, created_by)
                values (:tenant, :id, :version, cast(:json as jsonb), :origin, :now, :by)""")
                .param("tenant", tenant.value())
                .param("id", id)
                .param("version", version)
                .param("json", json)
                .param("origin", origin.name())
                .param("now", Timestamp.from(now))
                .param("by", by.value())
                .update();
    }

    public Optional<String> primaryMeasureOf(UUID client) {
        return jdbc.sql("select measure_id from client_primary_measure where client_id = :client")
                .param("client", client)
                .query(String.class)
                .optional();
    }

    public void setPrimaryMeasure(TenantId tenant, UUID client, String measure) {
        jdbc.sql("""
                insert into client_primary_measure (tenant_id, client_id, measure_id) values (:tenant, :client, :measure)
                on conflict (tenant_id, client_id) do update set measure_id = excluded.measure_id""")
                .param("tenant", tenant.value())
                .param("client", client)
                .param("measure", measure)
                .update();
    }

    private static Set<String> split(String list) {
        return list.isBlank() ? Set.of() : new TreeSet<>(Arrays.asList(list.split(",")));
    }
}
