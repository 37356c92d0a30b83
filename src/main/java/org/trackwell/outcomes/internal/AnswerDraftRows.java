package org.trackwell.outcomes.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.trackwell.keys.EncryptedText;
import org.trackwell.shared.TenantId;
import org.trackwell.shared.UserId;

/** Questionnaires partly answered at a session, as stored: the answers still sealed. */
@Repository
public class AnswerDraftRows {

    private final JdbcClient jdbc;

    AnswerDraftRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record StoredDraft(UUID sessionId, String measureId, UUID clientId, EncryptedText answers) {}

    public void save(TenantId tenant, StoredDraft draft, UserId by, Instant now) {
        jdbc.sql("""
                insert into measure_draft (tenant_id, session_id, measure_id, client_id, answers, saved_at, saved_by)
                values (:tenant, :session, :measure, :client, :answers, :now, :by)
                on conflict (tenant_id, session_id, measure_id) do update set answers = excluded.answers,
                  saved_at = excluded.saved_at, saved_by = excluded.saved_by""")
                .param("tenant", tenant.value())
                .param("session", draft.sessionId())
                .param("measure", draft.measureId())
                .param("client", draft.clientId())
                .param("answers", draft.answers().ciphertext())
                .param("now", Timestamp.from(now))
                .param("by", by.value())
                .update();
    }

    public List<StoredDraft> ofSession(UUID client, UUID session) {
        return jdbc.sql("""
                select session_id, measure_id, client_id, answers from measure_draft
                where client_id = :client and session_id = :session""")
                .param("client", client)
                .param("session", session)
                .query((row, n) -> new StoredDraft(
                        row.getObject("session_id", UUID.class),
                        row.getString("measure_id"),
                        row.getObject("client_id", UUID.class),
                        new EncryptedText(row.getBytes("answers"))))
                .list();
    }

    public void delete(UUID session, String measure) {
        jdbc.sql("delete from measure_draft where session_id = :session and measure_id = :measure")
                .param("session", session)
                .param("measure", measure)
                .update();
    }
}
