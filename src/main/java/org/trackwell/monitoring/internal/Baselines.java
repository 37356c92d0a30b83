package org.trackwell.monitoring.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What the checks compare against (monitoring_baseline): one value per kind and key. */
@Repository
public class Baselines {

    private final JdbcClient jdbc;
    private final Clock clock;

    Baselines(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<String> get(String kind, String key) {
        return jdbc.sql("select value from monitoring_baseline where kind = :kind and key = :key")
                .param("kind", kind)
                .param("key", key)
                .query(String.class)
                .optional();
    }

    public Map<String, String> all(String kind) {
        return jdbc
                .sql("select key, value from monitoring_baseline where kind = :kind")
                .param("kind", kind)
                .query((row, n) -> Map.entry(row.getString("key"), row.getString("value")))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    public void put(String kind, String key, String value) {
        jdbc.sql("""
                insert into monitoring_baseline (kind, key, value, recorded_at) values (:kind, :key, :value, :at)
                on conflict (kind, key) do update set value = excluded.value, recorded_at = excluded.recorded_at""")
                .param("kind", kind)
                .param("key", key)
                .param("value", value)
                .param("at", Timestamp.from(clock.instant()))
                .update();
    }

    public void replaceAll(String kind, Map<String, String> values) {
        jdbc.sql("delete from monitoring_baseline where kind = :kind")
                .param("kind", kind)
                .update();
        values.forEach((key, value) -> put(kind, key, value));
    }
}
