package org.trackwell.outcomes.internal;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trackwell.audit.AuditAction;
import org.trackwell.audit.AuditTrail;
import org.trackwell.audit.Outcome;
import org.trackwell.clients.ClientRef;
import org.trackwell.clients.Clients;
import org.trackwell.identity.SignedInUser;
import org.trackwell.keys.FieldAddress;
import org.trackwell.keys.FieldEncryption;
import org.trackwell.outcomes.internal.AnswerDraftRows.StoredDraft;
import org.trackwell.shared.CurrentTenant;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Questionnaires partly answered at a session, kept as drafts so nothing typed is lost: sealed
 * under the client's key like recorded answers, and gone once the measure is recorded.
 */
@Service
public class AnswerDrafts {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Clients clients;
    private final ClientSessions sessions;
    private final MeasureCatalogue catalogue;
    private final AnswerDraftRows rows;
    private final FieldEncryption encryption;
    private final AuditTrail trail;
    private final Clock clock;

    AnswerDrafts(
            Clients clients,
            ClientSessions sessions,
            MeasureCatalogue catalogue,
            AnswerDraftRows rows,
            FieldEncryption encryption,
            AuditTrail trail,
            Clock clock) {
        this.clients = clients;
        this.sessions = sessions;
        this.catalogue = catalogue;
        this.rows = rows;
        this.encryption = encryption;
        this.trail = trail;
        this.clock = clock;
    }

    /** Keeps the answers given so far, each checked against the measure, in place of an earlier draft. */
    @Transactional
    public void keep(
            SignedInUser user, ClientRef client, UUID session, String measureId, Map<String, Integer> answers) {
        sessions.requireAnswerable(client, session);
        Measure measure = catalogue.requireEnabled(measureId);
        // Scoring refuses an item the measure lacks or an answer it does not offer, draft or not.
        measure.score(answers);
        rows.save(
                CurrentTenant.require(),
                new StoredDraft(
                        session,
                        measure.id(),
                        client.id(),
                        encryption.seal(address(client.id(), session, measure.id()), JSON.writeValueAsString(answers))),
                user.id(),
                clock.instant());
        trail.record(AuditAction.MEASURE_DRAFT_KEPT, client.auditTarget(), Outcome.SUCCESS);
    }

    /** The session's drafts by measure, each as item answers, for the session page that shows them. */
    @Transactional(readOnly = true)
    public Map<String, Map<String, Integer>> of(ClientRef client, UUID session) {
        Map<String, Map<String, Integer>> drafts = new HashMap<>();
        for (StoredDraft draft : rows.ofSession(client.id(), session)) {
            drafts.put(
                    draft.measureId(),
                    JSON.readValue(
                            encryption.open(address(client.id(), session, draft.measureId()), draft.answers()),
                            new TypeReference<Map<String, Integer>>() {}));
        }
        return drafts;
    }

    static FieldAddress address(UUID client, UUID session, String measure) {
        return FieldAddress.ofClient(
                CurrentTenant.require(), client, "measure_draft", "answers", session + "/" + measure);
    }
}
