package org.trackwell.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.trackwell.support.TrackwellTest;

/**
 * Walks every API route and fails for any that is not in this reviewed table: each route either
 * names the audit action it records (proven by the test named beside it) or says why it records
 * nothing beyond the refusals that every route records.
 */
@TrackwellTest
class AuditCoverageIT {

    private static final Map<String, String> REVIEWED = Map.ofEntries(
            Map.entry("POST /api/v1/auth/login", "sign-in.signed-in / .failed / .locked (AuditedRoutesIT)"),
            Map.entry("POST /api/v1/auth/setup", "sign-in.password-set (AuditedRoutesIT)"),
            Map.entry(
                    "POST /api/v1/auth/login/mfa",
                    "sign-in.signed-in / .second-factor-failed, mfa.recovery-code-used (AuditedRoutesIT, TwoFactorIT)"),
            Map.entry("POST /api/v1/auth/password-reset", "sign-in.password-reset-requested (AuditedRoutesIT)"),
            Map.entry("POST /api/v1/auth/password-reset/complete", "sign-in.password-reset (AuditedRoutesIT)"),
            Map.entry("GET /api/v1/me/mfa", "not recorded: the caller reading their own second factors"),
            Map.entry("POST /api/v1/me/mfa/totp", "mfa.totp-started (AuditedRoutesIT)"),
            Map.entry("POST /api/v1/me/mfa/totp/confirm", "mfa.totp-confirmed (AuditedRoutesIT)"),
            Map.entry("POST /api/v1/me/mfa/recovery-codes", "mfa.recovery-codes-replaced (AuditedRoutesIT)"),
            Map.entry(
                    "POST /api/v1/me/mfa/passkeys/options",
                    "not recorded: a one-time challenge for the caller's own new passkey"),
            Map.entry(
                    "POST /api/v1/me/mfa/passkeys",
                    "mfa.passkey-added (PasskeyBrowserIT, through the page's twin route)"),
            Map.entry("GET /api/v1/me/mfa/passkeys", "not recorded: the caller reading their own passkeys"),
            Map.entry(
                    "DELETE /api/v1/me/mfa/passkeys/{id}", "mfa.passkey-removed (PasskeyBrowserIT, through the page)"),
            Map.entry(
                    "POST /api/v1/auth/login/passkey/options",
                    "not recorded: a one-time challenge for a sign-in already recorded as needing a second factor"),
            Map.entry(
                    "POST /api/v1/auth/login/passkey", "sign-in.signed-in / .second-factor-failed (PasskeyBrowserIT)"),
            Map.entry(
                    "POST /api/v1/me/confirm",
                    "sign-in.identity-confirmed / .identity-not-confirmed (AuditedRoutesIT)"),
            Map.entry("POST /api/v1/users/{id}/mfa/reset", "mfa.reset (AuditedRoutesIT)"),
            Map.entry("POST /api/v1/auth/logout", "sign-in.signed-out (AuditedRoutesIT)"),
            Map.entry("GET /api/v1/me", "not recorded: the caller reading their own account"),
            Map.entry("PUT /api/v1/me/password", "sign-in.password-changed (AuditedRoutesIT)"),
            Map.entry("GET /api/v1/me/terms", "not recorded: the published terms, the same for everyone"),
            Map.entry("POST /api/v1/me/terms", "terms.accepted (TermsOfUseIT)"),
            Map.entry("GET /api/v1/users", "not recorded: staff accounts, no client data"),
            Map.entry("POST /api/v1/users", "user.invited (AuditedRoutesIT)"),
            Map.entry("GET /api/v1/users/{id}", "not recorded: a staff account, no client data"),
            Map.entry("POST /api/v1/users/{id}/disable", "user.disabled (AuditedRoutesIT)"),
            Map.entry("POST /api/v1/users/{id}/invitation", "user.invitation-reissued (InvitationsWithoutMailIT)"),
            Map.entry("POST /api/v1/users/{id}/enable", "user.enabled (AuditedRoutesIT)"),
            Map.entry("POST /api/v1/users/{id}/unlock", "sign-in.unlocked (AuditedRoutesIT)"),
            Map.entry(
                    "PUT /api/v1/users/{id}/roles",
                    "user.roles-changed (AuditedRoutesIT), and user.admin-granted when the admin role is added"
                            + " (ActivityRulesIT)"),
            Map.entry("PUT /api/v1/users/{id}/teams", "user.teams-changed (AuditedRoutesIT)"),
            Map.entry("GET /api/v1/users/{id}/sessions", "not recorded: session times of a staff account"),
            Map.entry("GET /api/v1/teams", "not recorded: team names"),
            Map.entry("GET /api/openapi.json", "not recorded: the API's description, public and the same for everyone"),
            Map.entry("GET /api/openapi.json.yaml", "not recorded: the same description as YAML"),
            Map.entry("GET /api/v1/api-clients", "not recorded: service accounts' names and scopes, no client data"),
            Map.entry("GET /api/v1/api-clients/{id}", "not recorded: a service account, no client data"),
            Map.entry("POST /api/v1/api-clients", "api-client.created (ServiceAccountsIT)"),
            Map.entry("POST /api/v1/api-clients/{id}/rotate", "api-client.key-rotated (ServiceAccountsIT)"),
            Map.entry("POST /api/v1/api-clients/{id}/revoke", "api-client.revoked (ServiceAccountsIT)"),
            Map.entry("POST /api/v1/teams", "team.created (AuditedRoutesIT)"),
            Map.entry("GET /api/v1/security-policy", "not recorded: the tenant's rules"),
            Map.entry("GET /api/v1/modules-used", "not recorded: the modules the tenant uses"),
            Map.entry("PUT /api/v1/modules-used", "setting.changed (ModulesUsedIT)"),
            Map.entry("PUT /api/v1/security-policy", "security-policy.changed (AuditedRoutesIT)"),
            Map.entry("GET /api/v1/audit/public-key", "not recorded: public"),
            Map.entry("GET /api/v1/erasures", "erasure.requests-viewed (ErasureIT)"),
            Map.entry("POST /api/v1/erasures", "erasure.requested (ErasureIT)"),
            Map.entry("POST /api/v1/erasures/{number}/approve", "erasure.approved (ErasureIT)"),
            Map.entry("POST /api/v1/erasures/{number}/cancel", "erasure.cancelled (ErasureIT)"),
            Map.entry("GET /api/v1/erasures/{number}/certificate", "erasure.certificate-downloaded (ErasureIT)"),
            Map.entry("GET /api/v1/erasure-settings", "not recorded: the tenant's grace period"),
            Map.entry("PUT /api/v1/erasure-settings", "setting.changed (ErasureIT)"),
            Map.entry("GET /api/v1/retention/due", "retention.due-viewed (RetentionIT)"),
            Map.entry("POST /api/v1/retention/extensions", "retention.extended (RetentionIT)"),
            Map.entry("GET /api/v1/retention-settings", "not recorded: the tenant's retention periods"),
            Map.entry("PUT /api/v1/retention-settings", "setting.changed (RetentionIT)"),
            Map.entry("GET /api/v1/clients", "client.caseload-viewed (ClientsIT)"),
            Map.entry("POST /api/v1/clients", "client.created, pii-warning.overridden (ClientsIT)"),
            Map.entry("GET /api/v1/clients/search", "client.searched (ClientsIT)"),
            Map.entry("GET /api/v1/clients/{code}", "client.viewed (ClientsIT)"),
            Map.entry("GET /api/v1/clients/{code}/fhir", "client.fhir-exported (PortabilityIT)"),
            Map.entry("GET /api/v1/clients/{code}/summary", "client.summary-viewed (ClientSummaryIT)"),
            Map.entry("GET /api/v1/fhir", "tenant.fhir-exported (PortabilityIT)"),
            Map.entry("POST /api/v1/archive", "tenant.archive-exported / .archive-refused (PortabilityIT)"),
            Map.entry(
                    "POST /api/v1/subject-access",
                    "client.subject-access-produced / .subject-access-refused (SubjectAccessIT)"),
            Map.entry("PUT /api/v1/clients/{code}", "client.updated (ClientsIT)"),
            Map.entry("PUT /api/v1/clients/{code}/practitioners", "client.allocated (ClientsIT)"),
            Map.entry("GET /api/v1/clients/{code}/identification", "client.identification-viewed (RightPersonIT)"),
            Map.entry(
                    "PUT /api/v1/clients/{code}/identification",
                    "client.identification-changed, pii-warning.overridden (RightPersonIT)"),
            Map.entry("GET /api/v1/clients/{code}/photo", "client.photo-viewed (RightPersonIT)"),
            Map.entry("PUT /api/v1/clients/{code}/photo", "client.photo-changed (RightPersonIT)"),
            Map.entry("DELETE /api/v1/clients/{code}/photo", "client.photo-removed (RightPersonIT)"),
            Map.entry("GET /api/v1/clients/{code}/access", "client.access-log-viewed (ClientsIT)"),
            Map.entry("GET /api/v1/clients/{code}/episodes", "client.episodes-viewed (ClientsIT)"),
            Map.entry("POST /api/v1/clients/{code}/episodes", "episode.opened (ClientsIT)"),
            Map.entry("POST /api/v1/clients/{code}/episodes/{episode}/stage", "episode.stage-changed (ClientsIT)"),
            Map.entry("POST /api/v1/clients/{code}/episodes/{episode}/close", "episode.closed (ClientsIT)"),
            Map.entry("POST /api/v1/clients/{code}/episodes/{episode}/reopen", "episode.reopened (ClientsIT)"),
            Map.entry(
                    "POST /api/v1/clients/{code}/episodes/{episode}/follow-ups", "episode.follow-up-added (ClientsIT)"),
            Map.entry("GET /api/v1/clients/{code}/risk", "client.risk-viewed (ClientsIT)"),
            Map.entry("POST /api/v1/clients/{code}/risk", "client.risk-recorded (ClientsIT)"),
            Map.entry("GET /api/v1/clients/{code}/consents", "client.consents-viewed (ClientsIT)"),
            Map.entry("POST /api/v1/clients/{code}/consents", "client.consent-recorded (ClientsIT)"),
            Map.entry("GET /api/v1/clients/{code}/notes", "client.notes-viewed (ClientsIT)"),
            Map.entry("POST /api/v1/clients/{code}/notes", "client.note-written, pii-warning.overridden (ClientsIT)"),
            Map.entry("POST /api/v1/identifying-text", "not recorded: checks text as it is typed, stores nothing"),
            Map.entry("GET /api/v1/client-settings", "not recorded: which fields the tenant records"),
            Map.entry("PUT /api/v1/client-settings", "client-settings.changed (ClientsIT)"),
            Map.entry("GET /api/v1/clients/{code}/flags", "client.flags-viewed (OutcomesIT)"),
            Map.entry("POST /api/v1/clients/{code}/flags/{flag}/clear", "client.flag-cleared (OutcomesIT)"),
            Map.entry("GET /api/v1/measures", "not recorded: the measure catalogue, no client data"),
            Map.entry("GET /api/v1/measures/{id}", "not recorded: a measure definition, no client data"),
            Map.entry("POST /api/v1/measures", "measure.added / measure.edited (OutcomesIT)"),
            Map.entry("PUT /api/v1/measures/{id}/enabled", "measure.enabled / measure.disabled (OutcomesIT)"),
            Map.entry("GET /api/v1/measures/{id}/teams-off", "not recorded: the teams a measure is off for"),
            Map.entry("PUT /api/v1/measures/{id}/teams-off", "setting.changed (TeamMeasuresIT)"),
            Map.entry("GET /api/v1/outcome-settings", "not recorded: the tenant's outcome settings"),
            Map.entry("PUT /api/v1/outcome-settings", "outcome-settings.changed (OutcomesIT)"),
            Map.entry("GET /api/v1/session-types", "not recorded: the tenant's session types"),
            Map.entry("PUT /api/v1/session-types", "session-types.changed (OutcomesIT)"),
            Map.entry("GET /api/v1/clients/{code}/sessions", "sessions.viewed (OutcomesIT)"),
            Map.entry("POST /api/v1/clients/{code}/sessions", "session.recorded, pii-warning.overridden (OutcomesIT)"),
            Map.entry(
                    "PUT /api/v1/clients/{code}/sessions/{session}/attendance",
                    "session.attendance-recorded (OutcomesIT)"),
            Map.entry(
                    "POST /api/v1/clients/{code}/sessions/{session}/measures",
                    "measure.answered, client.flag-raised (OutcomesIT)"),
            Map.entry("POST /api/v1/clients/{code}/sessions/{session}/goal-ratings", "goal.rated (OutcomesIT)"),
            Map.entry(
                    "POST /api/v1/clients/{code}/sessions/{session}/links",
                    "client-link.created / .emailed (OutcomesIT)"),
            Map.entry("GET /api/v1/clients/{code}/progress", "progress.viewed (OutcomesIT)"),
            Map.entry("PUT /api/v1/clients/{code}/primary-measure", "primary-measure.changed (OutcomesIT)"),
            Map.entry("GET /api/v1/progress", "client.caseload-viewed (OutcomesIT)"),
            Map.entry("GET /api/v1/clients/{code}/goals", "goals.viewed (OutcomesIT)"),
            Map.entry(
                    "POST /api/v1/clients/{code}/goals",
                    "goal.added / problem.added, pii-warning.overridden (OutcomesIT)"),
            Map.entry("PUT /api/v1/clients/{code}/goals/{goal}", "goal.reworded (OutcomesIT)"),
            Map.entry("POST /api/v1/clients/{code}/goals/{goal}/close", "goal.closed (OutcomesIT)"),
            Map.entry(
                    "GET /api/v1/clients/{code}/chart-links",
                    "not recorded: when the client's chart links were made and whether they still work"),
            Map.entry("POST /api/v1/clients/{code}/chart-links", "chart-link.created (OutcomesIT)"),
            Map.entry("DELETE /api/v1/clients/{code}/chart-links/{link}", "chart-link.revoked (OutcomesIT)"),
            Map.entry("GET /api/v1/client-links/{token}", "client-link.opened (OutcomesIT)"),
            Map.entry("POST /api/v1/client-links/{token}", "client-link.completed (OutcomesIT)"),
            Map.entry(
                    "POST /api/v1/client-links/{token}/charts",
                    "chart-link.viewed / .wrong-pin / .locked (OutcomesIT)"),
            Map.entry("GET /api/v1/medicines", "not recorded: the service's medicines, no client data"),
            Map.entry("POST /api/v1/medicines", "medicine.added (MedicationIT)"),
            Map.entry("GET /api/v1/medication-settings", "not recorded: the tenant's medication settings"),
            Map.entry(
                    "PUT /api/v1/medication-settings",
                    "medication-settings.changed (MedicationIT), .round-identification-changed (RightPersonIT)"),
            Map.entry("GET /api/v1/clients/{code}/prescriptions", "prescriptions.viewed (MedicationIT)"),
            Map.entry("POST /api/v1/clients/{code}/prescriptions", "prescription.started (MedicationIT)"),
            Map.entry("POST /api/v1/clients/{code}/prescriptions/{id}/change", "prescription.changed (MedicationIT)"),
            Map.entry("POST /api/v1/clients/{code}/prescriptions/{id}/stop", "prescription.stopped (MedicationIT)"),
            Map.entry(
                    "POST /api/v1/clients/{code}/doses",
                    "dose.recorded, dose.prn-limit-overridden, sign-in.witness-confirmed (MedicationIT)"),
            Map.entry("POST /api/v1/clients/{code}/doses/{id}/corrections", "dose.corrected (MedicationIT)"),
            Map.entry("POST /api/v1/clients/{code}/doses/{id}/effect", "dose.effect-recorded (MedicationIT)"),
            Map.entry("GET /api/v1/clients/{code}/doses", "mar.viewed (MedicationIT)"),
            Map.entry("GET /api/v1/clients/{code}/mar", "mar.viewed (MedicationIT)"),
            Map.entry("GET /api/v1/medication/round", "medication-round.viewed (MedicationIT)"),
            Map.entry("GET /api/v1/clients/{code}/stock", "stock.viewed (MedicationIT)"),
            Map.entry("POST /api/v1/clients/{code}/stock/receipts", "stock.receipt-recorded (MedicationIT)"),
            Map.entry(
                    "POST /api/v1/clients/{code}/stock/removals",
                    "stock.disposal-recorded / .return-recorded (MedicationIT)"),
            Map.entry(
                    "POST /api/v1/clients/{code}/stock/counts",
                    "stock.count-recorded, stock.discrepancy (MedicationIT)"),
            Map.entry("GET /api/v1/clients/{code}/stock/{medicine}/register", "stock.register-viewed (MedicationIT)"),
            Map.entry("GET /api/v1/reports/outcomes", "report.viewed (OutcomesReportIT)"),
            Map.entry("GET /api/v1/reports/outcomes/episodes", "report.episodes-viewed (OutcomesReportIT)"),
            Map.entry("POST /api/v1/reports/outcomes/export", "report.exported (OutcomesReportIT)"),
            Map.entry("GET /api/v1/reports/medication/adherence", "report.viewed (MedicationReportIT)"),
            Map.entry("GET /api/v1/reports/medication/missed-doses", "report.viewed (MedicationReportIT)"),
            Map.entry("GET /api/v1/reports/medication/as-needed", "report.viewed (MedicationReportIT)"),
            Map.entry("GET /api/v1/reports/medication/prn-overrides", "report.viewed (MedicationReportIT)"),
            Map.entry("GET /api/v1/reports/medication/controlled-drugs", "report.viewed (StockReportIT)"),
            Map.entry("GET /api/v1/reports/medication/stock-discrepancies", "report.viewed (StockReportIT)"),
            Map.entry("POST /api/v1/reports/medication/export", "report.exported (MedicationReportIT)"),
            Map.entry("GET /api/v1/medication/alerts", "medication-alerts.viewed (MedicationIT)"),
            Map.entry(
                    "POST /api/v1/medication/alerts/{id}/acknowledge", "medication-alert.acknowledged (MedicationIT)"),
            Map.entry("GET /api/v1/medication/adherence", "medication-report.viewed (MedicationIT)"),
            Map.entry("GET /api/v1/audit/events", "audit.viewed (AuditTrailIT)"),
            Map.entry("POST /api/v1/operator/setup", "sign-in.password-set in the operator stream (AuditedRoutesIT)"),
            Map.entry(
                    "POST /api/v1/operator/login",
                    "sign-in.signed-in / .failed in the operator stream (AuditedRoutesIT)"),
            Map.entry(
                    "POST /api/v1/operator/login/mfa",
                    "sign-in.signed-in / .failed in the operator stream (OperatorAccountsIT)"),
            Map.entry("POST /api/v1/operator/mfa/totp", "mfa.totp-started in the operator stream (OperatorAccountsIT)"),
            Map.entry(
                    "POST /api/v1/operator/mfa/totp/confirm",
                    "mfa.totp-confirmed in the operator stream (OperatorAccountsIT)"),
            Map.entry("POST /api/v1/operator/logout", "sign-in.signed-out in the operator stream (AuditedRoutesIT)"),
            Map.entry("GET /api/v1/operator/health", "not recorded: counts and states only"),
            Map.entry("GET /api/v1/operator/checks", "not recorded: the integrity checks' results, no tenant content"),
            Map.entry("GET /api/v1/operator/alerts", "not recorded: the installation's alerts, no tenant content"),
            Map.entry(
                    "POST /api/v1/operator/alerts/acknowledge",
                    "alert.acknowledged in the operator stream (AlertPagesBrowserIT, through the tenant page's twin)"),
            Map.entry("GET /api/v1/operator/webhooks", "not recorded: webhook addresses"),
            Map.entry("POST /api/v1/operator/webhooks", "webhook.added in the operator stream (MonitoringIT)"),
            Map.entry("POST /api/v1/operator/webhooks/remove", "webhook.removed in the operator stream (MonitoringIT)"),
            Map.entry("GET /api/v1/operator/webhooks/deliveries", "not recorded: the delivery log"),
            Map.entry("GET /api/v1/webhooks", "not recorded: webhook addresses"),
            Map.entry("POST /api/v1/webhooks", "webhook.added (EventWebhooksIT)"),
            Map.entry("PUT /api/v1/webhooks/{id}/events", "webhook.events-changed (EventWebhooksIT)"),
            Map.entry(
                    "POST /api/v1/webhooks/remove",
                    "webhook.removed (the same Webhooks.remove as the operators' route, MonitoringIT)"),
            Map.entry("GET /api/v1/webhooks/deliveries", "not recorded: the delivery log"),
            Map.entry("GET /api/v1/operator/audit/events", "not recorded: the operator reading their own stream"),
            Map.entry("GET /api/v1/operator/audit/chains", "not recorded: counts and times only"));

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyApiRouteIsReviewedForItsAuditEntry() {
        Set<String> routes = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/api/")) {
                    info.getMethodsCondition().getMethods().forEach(method -> routes.add(method + " " + pattern));
                }
            }
        }
        assertThat(routes).isNotEmpty();
        assertThat(routes).as("API routes without a reviewed audit entry").isSubsetOf(REVIEWED.keySet());
        assertThat(REVIEWED.keySet()).as("reviewed routes that no longer exist").isSubsetOf(routes);
    }
}
