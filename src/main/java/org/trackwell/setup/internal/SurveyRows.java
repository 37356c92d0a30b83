package org.trackwell.setup.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.trackwell.shared.TenantId;
import org.trackwell.shared.UserId;

/** The survey's answers and who saved and applied them, one survey per tenant. */
@Repository
class SurveyRows {

    private final JdbcClient jdbc;

    SurveyRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<SurveyState> find() {
        return jdbc.sql("select saved_by, saved_at, applied_by, applied_at from setup_survey")
                .query((row, n) -> new SurveyState(
                        new UserId(row.getObject(1, UUID.class)),
                        row.getTimestamp(2).toInstant(),
                        userOrNull(row.getObject(3, UUID.class)),
                        instantOrNull(row.getTimestamp(4))))
                .optional();
    }

    Map<String, String> answers() {
        Map<String, String> answers = new LinkedHashMap<>();
        jdbc.sql("select question, answer from setup_survey_answer order by question")
                .query((row, n) -> Map.entry(row.getString(1), row.getString(2)))
                .list()
                .forEach(entry -> answers.put(entry.getKey(), entry.getValue()));
        return answers;
    }

    void save(TenantId tenant, UserId by, Instant at, Map<String, String> answers) {
        jdbc.sql("""
                insert into setup_survey (tenant_id, saved_by, saved_at) values (:tenant, :by, :at)
                on conflict (tenant_id) do update set saved_by = excluded.saved_by, saved_at = excluded.saved_at
                """)
                .param("tenant", tenant.value())
                .param("by", by.value())
                .param("at", Timestamp.from(at))
                .update();
        answers.forEach((question, answer) -> jdbc.sql("""
                        insert into setup_survey_answer (tenant_id, question, answer) values (:tenant, :question, :answer)
                        on conflict (tenant_id, question) do update set answer = excluded.answer
                        """)
                .param("tenant", tenant.value())
                .param("question", question)
                .param("answer", answer)
                .update());
    }

    void applied(UserId by, Instant at) {
        jdbc.sql("update setup_survey set applied_by = :by, applied_at = :at")
                .param("by", by.value())
                .param("at", Timestamp.from(at))
                .update();
    }

    private static @Nullable UserId userOrNull(@Nullable UUID id) {
        return id == null ? null : new UserId(id);
    }

    private static @Nullable Instant instantOrNull(@Nullable Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
