package org.trackwell.monitoring.internal;

import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.trackwell.monitoring.Check;
import org.trackwell.monitoring.CheckResult;
import org.trackwell.monitoring.CheckStatus;

/** The checks' results (monitoring_check_result): installation-level, never tenant content. */
@Repository
public class CheckRows {

    private final JdbcClient jdbc;

    CheckRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UUID id, CheckResult result) {
        jdbc.sql("""
                insert into monitoring_check_result (id, check_name, status, summary, checked_at)
                values (:id, :check, :status, :summary, :at)""")
                .param("id", id)
                .param("check", result.check().name())
                .param("status", result.status().name())
                .param("summary", result.summary())
                .param("at", Timestamp.from(result.checkedAt()))
                .update();
    }

    public Optional<CheckResult> latest(Check check) {
        return jdbc.sql("""
                select * from monitoring_check_result where check_name = :check
                order by checked_at desc, id desc limit 1""")
                .param("check", check.name())
                .query((row, n) -> new CheckResult(
                        Check.valueOf(row.getString("check_name")),
                        CheckStatus.valueOf(row.getString("status")),
                        row.getString("summary"),
                        row.getTimestamp("checked_at").toInstant()))
                .optional();
    }

    public List<CheckResult> latestOfEach() {
        return Arrays.stream(Check.values())
                .map(this::latest)
                .flatMap(Optional::stream)
                .toList();
    }
}
