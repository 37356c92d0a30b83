package org.trackwell.audit;

import org.jspecify.annotations.Nullable;

/**
 * Every kind of entry the audit trail holds. The code is what the entry stores and what its chain
 * hash covers, so a code never changes once released; a new meaning gets a new constant.
 * docs/audit.md's list is generated from here ({@code AuditCatalogueTest}).
 */
public enum AuditAction {
    SIGN_IN_SIGNED_IN("sign-in.signed-in", Target.ACCOUNT, "signed in"),
    SIGN_IN_FAILED("sign-in.failed", Target.ACCOUNT, "a sign-in failed (the account, when one matched)"),
    SIGN_IN_LOCKED("sign-in.locked", Target.ACCOUNT, "an account was locked after too many failed sign-ins"),
    SIGN_IN_UNLOCKED("sign-in.unlocked", Target.ACCOUNT, "an admin unlocked an account"),
    SIGN_IN_ADDRESS_BLOCKED(
            "sign-in.address-blocked", Target.NONE, "a client address was blocked after too many failed sign-ins"),
    SIGN_IN_SIGNED_OUT("sign-in.signed-out", Target.ACCOUNT, "signed out"),
    SIGN_IN_PASSWORD_SET("sign-in.password-set", Target.ACCOUNT, "a first password was set from an invitation"),
    SIGN_IN_PASSWORD_CHANGED("sign-in.password-changed", Target.ACCOUNT, "a password was changed"),
    SIGN_IN_SECOND_FACTOR_REQUIRED(
            "sign-in.second-factor-required", Target.ACCOUNT, "the password was right; a second factor was asked for"),
    SIGN_IN_SECOND_FACTOR_FAILED("sign-in.second-factor-failed", Target.ACCOUNT, "a second-factor code was wrong"),
    SIGN_IN_IDENTITY_CONFIRMED(
            "sign-in.identity-confirmed", Target.ACCOUNT, "a signed-in person confirmed who they are again"),
    SIGN_IN_IDENTITY_NOT_CONFIRMED(
            "sign-in.identity-not-confirmed", Target.ACCOUNT, "a confirmation of identity failed"),
    SIGN_IN_WITNESS_CONFIRMED(
            "sign-in.witness-confirmed", Target.ACCOUNT, "a witness confirmed a controlled-drug dose"),
    SIGN_IN_WITNESS_NOT_CONFIRMED("sign-in.witness-not-confirmed", Target.ACCOUNT, "a witness's confirmation failed"),
    SIGN_IN_PASSWORD_RESET_REQUESTED(
            "sign-in.password-reset-requested", Target.ACCOUNT, "a password reset was asked for"),
    SIGN_IN_PASSWORD_RESET("sign-in.password-reset", Target.ACCOUNT, "a password was reset from a reset link"),
    MFA_TOTP_STARTED("mfa.totp-started", Target.ACCOUNT, "an authenticator app enrolment began"),
    MFA_TOTP_CONFIRMED(
            "mfa.totp-confirmed",
            Target.ACCOUNT,
            "an authenticator app enrolment was confirmed (or its code was wrong)"),
    MFA_RECOVERY_CODES_REPLACED("mfa.recovery-codes-replaced", Target.ACCOUNT, "new recovery codes were made"),
    MFA_RECOVERY_CODE_USED("mfa.recovery-code-used", Target.ACCOUNT, "a recovery code was used to sign in"),
    MFA_PASSKEY_ADDED("mfa.passkey-added", Target.ACCOUNT, "a passkey was added"),
    MFA_PASSKEY_REMOVED("mfa.passkey-removed", Target.ACCOUNT, "a passkey was removed"),
    MFA_RESET("mfa.reset", Target.ACCOUNT, "an admin reset someone's second factors"),
    USER_INVITED("user.invited", Target.ACCOUNT, "a user was invited"),
    USER_INVITATION_REISSUED(
            "user.invitation-reissued",
            Target.ACCOUNT,
            "an invited user was given a new set-up link; earlier links stopped working"),
    USER_DISABLED("user.disabled", Target.ACCOUNT, "a user was disabled"),
    USER_DISABLED_UNUSED(
            "user.disabled-unused",
            Target.ACCOUNT,
            "an account nobody had used for the days the security policy allows was disabled by itself"),
    USER_ENABLED("user.enabled", Target.ACCOUNT, "a user was enabled again"),
    USER_ROLES_CHANGED("user.roles-changed", Target.ACCOUNT, "a user's roles changed"),
    USER_TEAMS_CHANGED("user.teams-changed", Target.ACCOUNT, "a user's teams changed"),
    USER_ADMIN_GRANTED("user.admin-granted", Target.ACCOUNT, "a user was given the tenant admin role"),
    TEAM_CREATED("team.created", Target.TEAM, "a team was created"),
    API_CLIENT_CREATED(
            "api-client.created", Target.API_CLIENT, "a service account (API client) was made, with its first key"),
    API_CLIENT_KEY_ROTATED(
            "api-client.key-rotated",
            Target.API_CLIENT,
            "a service account was given a new key; the old one works until the overlap ends"),
    API_CLIENT_REVOKED("api-client.revoked", Target.API_CLIENT, "a service account was revoked: its keys stopped"),
    API_CLIENT_RATE_LIMITED(
            "api-client.rate-limited",
            Target.API_CLIENT,
            "a service account went over its calls a minute (once a minute at most)"),
    OPERATOR_ADDED("operator.added", Target.ACCOUNT, "an operator account was added"),
    SECURITY_POLICY_CHANGED("security-policy.changed", Target.NONE, "the security policy changed"),
    SETTING_CHANGED(
            "setting.changed",
            Target.SETTING_CHANGE,
            "one tenant setting changed, with its old and new value (the settings pages' changes list)"),
    TERMS_PUBLISHED("terms.published", Target.TERMS, "a version of the terms of use was published"),
    TERMS_ACCEPTED("terms.accepted", Target.TERMS, "a user accepted the terms of use"),
    TENANT_CREATED("tenant.created", Target.TENANT, "a tenant was created"),
    TENANT_SUSPENDED("tenant.suspended", Target.TENANT, "a tenant was suspended"),
    TENANT_RESUMED("tenant.resumed", Target.TENANT, "a suspended or read-only tenant was made active again"),
    TENANT_MADE_READ_ONLY(
            "tenant.made-read-only",
            Target.TENANT,
            "a tenant was made read-only for a notice period: its people read and take their data away, and change"
                    + " nothing"),
    TENANT_CLOSURE_REQUESTED(
            "tenant.closure-requested",
            Target.TENANT,
            "a tenant admin asked for the service to be closed, with a reason, after taking the whole-tenant archive;"
                    + " the tenant is read-only until an operator closes it (in the tenant's stream and the"
                    + " installation's)"),
    TENANT_CLOSURE_WITHDRAWN(
            "tenant.closure-withdrawn",
            Target.TENANT,
            "a tenant admin withdrew the request to close the service before the operator closed it; the tenant can"
                    + " be changed again (in the tenant's stream and the installation's)"),
    TENANT_CLOSED(
            "tenant.closed",
            Target.TENANT,
            "an operator closed a tenant whose admin had asked for it: nothing of it opens or changes again"),
    TENANT_CLOSURE_CERTIFIED(
            "tenant.closure-certified",
            Target.TENANT,
            "a closed tenant's keys were destroyed, its rows and its own audit stream removed, and the signed"
                    + " certificate written (the rows removed, the entries removed and their last checkpoint)"),
    KEYS_MASTER_ROTATED("keys.master-rotated", Target.NONE, "the master key was rotated"),
    KEYS_TENANT_ROTATION_STARTED("keys.tenant-rotation-started", Target.TENANT, "a tenant key rotation began"),
    KEYS_TENANT_ROTATED("keys.tenant-rotated", Target.TENANT, "a tenant key rotation finished"),
    TENANT_KEYS_DESTROYED(
            "tenant-keys.destroyed", Target.TENANT, "a tenant's keys were destroyed: its data can no longer be opened"),
    TENANT_KEYS_DESTROYED_AGAIN(
            "tenant-keys.destroyed-again",
            Target.TENANT,
            "a tenant's keys, destroyed before, were destroyed again after a restore from the erasure ledger"),
    CLIENT_KEY_DESTROYED_AGAIN(
            "client-key.destroyed-again",
            Target.CLIENT,
            "a client's key, destroyed before, was destroyed again after a restore from the erasure ledger"),
    CLIENT_KEY_DESTROYED(
            "client-key.destroyed", Target.CLIENT, "a client's key was destroyed: their data can no longer be opened"),
    ERASURE_REQUESTED(
            "erasure.requested",
            Target.CLIENT,
            "a tenant admin asked for a client's record to be erased, with a reason"),
    ERASURE_APPROVED(
            "erasure.approved",
            Target.CLIENT,
            "a second tenant admin approved an erasure; the grace period in which it can be cancelled began"),
    ERASURE_CANCELLED("erasure.cancelled", Target.CLIENT, "an erasure request was cancelled before it was carried out"),
    ERASURE_CARRIED_OUT(
            "erasure.carried-out",
            Target.CLIENT,
            "an approved erasure was carried out after its grace period: the client's key was destroyed and a"
                    + " certificate signed"),
    ERASURE_REQUESTS_VIEWED("erasure.requests-viewed", Target.NONE, "the list of erasure requests was read"),
    ERASURE_CERTIFICATE_DOWNLOADED(
            "erasure.certificate-downloaded", Target.CLIENT, "an erasure certificate was downloaded"),
    RETENTION_DUE_VIEWED(
            "retention.due-viewed",
            Target.NONE,
            "the list of clients due for erasure under the retention settings was read"),
    RETENTION_EXTENDED(
            "retention.extended",
            Target.CLIENT,
            "a client's record was kept beyond the retention period, with a reason"),
    ALERT_RAISED("alert.raised", Target.ALERT, "a check or rule raised an alert"),
    ALERT_ACKNOWLEDGED("alert.acknowledged", Target.ALERT, "an alert was acknowledged with a note"),
    ACTIVITY_RULES_CHANGED("activity-rules.changed", Target.NONE, "the suspicious-activity rules changed"),
    ACTIVITY_RULE_CHANGED(
            "activity-rules.rule-changed",
            Target.SETTING_CHANGE,
            "a suspicious-activity rule or the working hours changed (what it was and what it is now)"),
    WEBHOOK_ADDED("webhook.added", Target.WEBHOOK, "a webhook for alerts or other events was added"),
    WEBHOOK_REMOVED("webhook.removed", Target.WEBHOOK, "a webhook for alerts or other events was removed"),
    WEBHOOK_EVENTS_CHANGED(
            "webhook.events-changed", Target.WEBHOOK, "the kinds of event a webhook receives were changed"),
    MAIL_TRIED_AGAIN("mail.tried-again", Target.MAIL, "an admin had a kept e-mail tried again at once"),
    MAIL_DISCARDED("mail.discarded", Target.MAIL, "an admin discarded an e-mail that could not be sent"),
    MONITORING_FILES_ACCEPTED(
            "monitoring.files-accepted", Target.NONE, "an operator accepted the installed files as they are"),
    MONITORING_SCHEMA_ACCEPTED(
            "monitoring.schema-accepted", Target.NONE, "an operator accepted the database schema as it is"),
    AUDIT_VIEWED("audit.viewed", Target.NONE, "the audit trail was viewed"),
    AUDIT_EXPORTED("audit.exported", Target.NONE, "audit entries were exported"),
    TENANT_ARCHIVE_EXPORTED(
            "tenant.archive-exported",
            Target.TENANT,
            "the whole tenant's data was downloaded as an encrypted archive, with the rows of each entity"),
    TENANT_ARCHIVE_BROKEN(
            "tenant.archive-broken",
            Target.TENANT,
            "a whole-tenant archive stopped part-way (the download was cut off or a read failed): part of it may"
                    + " have left"),
    TENANT_ARCHIVE_REFUSED(
            "tenant.archive-refused",
            Target.TENANT,
            "a whole-tenant archive was asked for too soon after the last one, or with a weak password"),
    SUBJECT_ACCESS_PRODUCED(
            "client.subject-access-produced",
            Target.CLIENT,
            "a tenant admin produced everything held about a client (a subject access request) as an encrypted"
                    + " archive"),
    SUBJECT_ACCESS_REFUSED(
            "client.subject-access-refused",
            Target.NONE,
            "a subject access archive was asked for with a weak password, for no client, or too soon after the"
                    + " last one"),
    TENANT_FHIR_EXPORTED(
            "tenant.fhir-exported", Target.TENANT, "every client's record was downloaded as one FHIR R4 Bundle"),
    CLIENT_FHIR_EXPORTED("client.fhir-exported", Target.CLIENT, "a client's record was downloaded as a FHIR R4 Bundle"),
    REQUEST_REFUSED("request.refused", Target.ROUTE, "a request was refused (401 or 403) and recorded nothing else"),
    CLIENT_CREATED("client.created", Target.CLIENT, "a client was registered"),
    CLIENT_UPDATED("client.updated", Target.CLIENT, "a client's details changed"),
    CLIENT_VIEWED("client.viewed", Target.CLIENT, "a client's record was opened"),
    CLIENT_PAGE_VIEWED(
            "client.page-viewed",
            Target.CLIENT,
            "a client's page was opened: the record and, for those who may see them, episodes, risk, consents,"
                    + " notes and flags"),
    CLIENT_ACCESS_DENIED(
            "client.access-denied",
            Target.CLIENT,
            "a client beyond the user's reach was asked for (they were told \"not found\")"),
    CLIENT_CASELOAD_VIEWED("client.caseload-viewed", Target.NONE, "a caseload was listed"),
    CLIENT_SEARCHED("client.searched", Target.NONE, "clients were searched by an identifier"),
    CLIENT_ALLOCATED("client.allocated", Target.CLIENT, "a client was allocated to a team or practitioner"),
    CLIENT_ACCESS_LOG_VIEWED("client.access-log-viewed", Target.CLIENT, "who accessed a client's record was looked at"),
    CLIENT_RISK_RECORDED("client.risk-recorded", Target.CLIENT, "a risk assessment was recorded"),
    CLIENT_RISK_VIEWED("client.risk-viewed", Target.CLIENT, "a client's risk history was viewed"),
    CLIENT_CONSENT_RECORDED("client.consent-recorded", Target.CLIENT, "a consent was recorded"),
    CLIENT_CONSENTS_VIEWED("client.consents-viewed", Target.CLIENT, "a client's consents were viewed"),
    CLIENT_NOTE_WRITTEN("client.note-written", Target.CLIENT, "a note was written"),
    CLIENT_NOTES_VIEWED("client.notes-viewed", Target.CLIENT, "a client's notes were viewed"),
    CLIENT_FLAG_RAISED("client.flag-raised", Target.CLIENT, "a flag was raised on a client"),
    CLIENT_FLAGS_VIEWED("client.flags-viewed", Target.CLIENT, "a client's flags were viewed"),
    CLIENT_FLAG_CLEARED("client.flag-cleared", Target.CLIENT, "a flag was cleared"),
    CLIENT_EPISODES_VIEWED("client.episodes-viewed", Target.CLIENT, "a client's episodes were viewed"),
    CLIENT_SUMMARY_VIEWED(
            "client.summary-viewed",
            Target.CLIENT,
            "a client's summary was read: episodes, scores, goals, current medication and adherence"),
    CLIENT_SUMMARY_PRINTED("client.summary-printed", Target.CLIENT, "a client's summary was downloaded as a PDF"),
    CLIENT_IDENTIFICATION_VIEWED(
            "client.identification-viewed", Target.CLIENT, "a client's preferred name and room were read"),
    CLIENT_IDENTIFICATION_CHANGED(
            "client.identification-changed", Target.CLIENT, "a client's preferred name or room changed"),
    CLIENT_PHOTO_CHANGED("client.photo-changed", Target.CLIENT, "a client's photo was added or replaced"),
    CLIENT_PHOTO_REMOVED("client.photo-removed", Target.CLIENT, "a client's photo was removed"),
    CLIENT_PHOTO_VIEWED("client.photo-viewed", Target.CLIENT, "a client's photo was shown"),
    CLIENT_SETTINGS_CHANGED("client-settings.changed", Target.NONE, "the client settings changed"),
    PII_WARNING_OVERRIDDEN(
            "pii-warning.overridden", Target.CLIENT, "text that looked identifying was saved after the warning"),
    EPISODE_OPENED("episode.opened", Target.CLIENT, "an episode of care was opened"),
    EPISODE_STAGE_CHANGED("episode.stage-changed", Target.CLIENT, "an episode moved to another stage"),
    EPISODE_CLOSED("episode.closed", Target.CLIENT, "an episode was closed"),
    EPISODE_REOPENED("episode.reopened", Target.CLIENT, "a closed episode was reopened"),
    EPISODE_FOLLOW_UP_ADDED("episode.follow-up-added", Target.CLIENT, "a follow-up was added to a closed episode"),
    SESSION_RECORDED("session.recorded", Target.CLIENT, "a session was recorded"),
    SESSION_ATTENDANCE_RECORDED("session.attendance-recorded", Target.CLIENT, "a session's attendance was recorded"),
    SESSIONS_VIEWED("sessions.viewed", Target.CLIENT, "a client's sessions were viewed"),
    SESSION_VIEWED(
            "session.viewed", Target.CLIENT, "one of a client's sessions was opened, with its measures and goals"),
    OUTCOMES_VIEWED(
            "outcomes.viewed",
            Target.CLIENT,
            "a client's outcomes page was opened: sessions, scores, goals and chart links"),
    MEASURE_ANSWERED("measure.answered", Target.CLIENT, "a questionnaire was answered"),
    MEASURE_DRAFT_KEPT("measure.draft-kept", Target.CLIENT, "unfinished answers were kept as a draft"),
    MEASURE_ADDED("measure.added", Target.MEASURE, "a questionnaire was added to the tenant's catalogue"),
    MEASURE_EDITED("measure.edited", Target.MEASURE, "a questionnaire of the tenant's own was edited"),
    MEASURE_ENABLED("measure.enabled", Target.MEASURE, "a questionnaire was switched on"),
    MEASURE_DISABLED("measure.disabled", Target.MEASURE, "a questionnaire was switched off"),
    OUTCOME_SETTINGS_CHANGED("outcome-settings.changed", Target.NONE, "the outcome settings changed"),
    SESSION_TYPES_CHANGED("session-types.changed", Target.NONE, "the list of session types changed"),
    PRIMARY_MEASURE_CHANGED("primary-measure.changed", Target.CLIENT, "a client's primary measure changed"),
    PROGRESS_VIEWED("progress.viewed", Target.CLIENT, "a client's progress was viewed"),
    GOAL_ADDED("goal.added", Target.CLIENT, "a goal was added"),
    PROBLEM_ADDED("problem.added", Target.CLIENT, "a problem was added"),
    GOAL_REWORDED("goal.reworded", Target.CLIENT, "a goal or problem was reworded"),
    GOAL_CLOSED("goal.closed", Target.CLIENT, "a goal or problem was closed"),
    GOAL_RATED("goal.rated", Target.CLIENT, "goals were rated at a session"),
    GOALS_VIEWED("goals.viewed", Target.CLIENT, "a client's goals were viewed"),
    CLIENT_LINK_CREATED("client-link.created", Target.CLIENT, "a link for a client to answer a questionnaire was made"),
    CLIENT_LINK_EMAILED("client-link.emailed", Target.CLIENT, "a questionnaire link was e-mailed to a client"),
    CLIENT_LINK_SCHEDULED("client-link.scheduled", Target.CLIENT, "questionnaire links were scheduled"),
    CLIENT_LINK_OPENED("client-link.opened", Target.CLIENT_LINK, "a client opened a questionnaire link"),
    CLIENT_LINK_COMPLETED("client-link.completed", Target.CLIENT, "a client answered through a link"),
    CHART_LINK_CREATED("chart-link.created", Target.CLIENT, "a link sharing a client's progress charts was made"),
    CHART_LINK_REVOKED("chart-link.revoked", Target.CLIENT, "a chart link was revoked"),
    CHART_LINK_VIEWED("chart-link.viewed", Target.CLIENT, "charts were viewed through a link"),
    CHART_LINK_WRONG_PIN("chart-link.wrong-pin", Target.CLIENT_LINK, "a wrong PIN was typed for a chart link"),
    CHART_LINK_LOCKED("chart-link.locked", Target.CLIENT_LINK, "a chart link was locked after wrong PINs"),
    MEDICINE_ADDED("medicine.added", Target.MEDICINE, "a medicine was added to the formulary"),
    MEDICATION_SETTINGS_CHANGED("medication-settings.changed", Target.NONE, "the medication settings changed"),
    MEDICATION_ROUND_IDENTIFICATION_CHANGED(
            "medication-settings.round-identification-changed",
            Target.SETTING_CHANGE,
            "what the round shows to identify people changed"),
    MEDICATION_ROUND_VIEWED("medication-round.viewed", Target.TEAM, "a team's medication round was viewed"),
    REPORT_VIEWED("report.viewed", Target.REPORT, "a service report was viewed, with its filters"),
    REPORT_EPISODES_VIEWED(
            "report.episodes-viewed", Target.REPORT, "the episodes behind one of a report's figures were listed"),
    REPORT_EXPORTED(
            "report.exported",
            Target.REPORT,
            "a report or list was downloaded (its filters, format and number of rows); denied when over the limit"),
    MEDICATION_REPORT_VIEWED("medication-report.viewed", Target.TEAM, "a team's medication report was viewed"),
    MEDICATION_ALERTS_VIEWED("medication-alerts.viewed", Target.NONE, "medication alerts were viewed"),
    MEDICATION_ALERT_ACKNOWLEDGED(
            "medication-alert.acknowledged", Target.MEDICATION_ALERT, "a medication alert was acknowledged"),
    PRESCRIPTION_STARTED("prescription.started", Target.CLIENT, "a prescription was written"),
    PRESCRIPTION_CHANGED("prescription.changed", Target.CLIENT, "a prescription was changed"),
    PRESCRIPTION_STOPPED("prescription.stopped", Target.CLIENT, "a prescription was stopped"),
    PRESCRIPTIONS_VIEWED("prescriptions.viewed", Target.CLIENT, "a client's prescriptions were viewed"),
    MEDICATION_VIEWED(
            "medication.viewed", Target.CLIENT, "a client's medication page was opened: prescriptions and stock"),
    DOSE_RECORDED("dose.recorded", Target.CLIENT, "a dose was recorded as given, refused or not given"),
    DOSE_CORRECTED("dose.corrected", Target.CLIENT, "a dose record was corrected"),
    DOSE_EFFECT_RECORDED("dose.effect-recorded", Target.CLIENT, "the effect of an as-needed dose was recorded"),
    DOSE_PRN_LIMIT_OVERRIDDEN(
            "dose.prn-limit-overridden", Target.CLIENT, "an as-needed dose beyond its limits was given, with a reason"),
    DOSE_PRN_LIMIT_REFUSED("dose.prn-limit-refused", Target.CLIENT, "an as-needed dose beyond its limits was refused"),
    MAR_VIEWED("mar.viewed", Target.CLIENT, "a MAR chart was viewed"),
    MAR_PRINTED("mar.printed", Target.CLIENT, "a MAR chart was printed"),
    STOCK_VIEWED("stock.viewed", Target.CLIENT, "a client's medicine stock was viewed"),
    STOCK_REGISTER_VIEWED("stock.register-viewed", Target.CLIENT, "a controlled-drug register was viewed"),
    STOCK_DISCREPANCY("stock.discrepancy", Target.CLIENT, "a stock count differed from the balance"),
    STOCK_RECEIPT_RECORDED("stock.receipt-recorded", Target.CLIENT, "medicine received into stock"),
    STOCK_ADMINISTRATION_RECORDED("stock.administration-recorded", Target.CLIENT, "stock used by a dose"),
    STOCK_RETURN_RECORDED("stock.return-recorded", Target.CLIENT, "medicine returned from stock"),
    STOCK_DISPOSAL_RECORDED("stock.disposal-recorded", Target.CLIENT, "medicine disposed of"),
    STOCK_COUNT_RECORDED("stock.count-recorded", Target.CLIENT, "stock counted");

    /** What kind of thing an entry's target names. */
    public enum Target {
        NONE(null, "no target"),
        ACCOUNT("user:", "`user:<id>` or `operator:<id>`"),
        TEAM("team:", "`team:<id>`"),
        TENANT("tenant:", "`tenant:<slug or id>`"),
        TERMS("terms:", "`terms:<version>`"),
        CLIENT("client:", "`client:<pseudonym code or id>`"),
        CLIENT_LINK("client-link:", "`client-link:<id>`"),
        MEASURE("measure:", "`measure:<id>`"),
        MEDICINE("medicine:", "`medicine:<id>`"),
        MEDICATION_ALERT("medication-alert:", "`medication-alert:<id>`"),
        ALERT("alert:", "`alert:<id>`"),
        WEBHOOK("webhook:", "`webhook:<id>`"),
        MAIL("mail:", "`mail:<id>`"),
        API_CLIENT("api-client:", "`api-client:<id>`"),
        ROUTE(null, "`METHOD /route`, ids replaced by `{id}`"),
        SETTING_CHANGE(null, "`<setting>:<old value>-><new value>`"),
        REPORT("report:", "`report:<name>?<filter>=<value>&...`, and for a download `format` and `rows`");

        private final @Nullable String prefix;
        private final String shape;

        Target(@Nullable String prefix, String shape) {
            this.prefix = prefix;
            this.shape = shape;
        }

        public String shape() {
            return shape;
        }

        boolean names(@Nullable String target) {
            if (target == null) {
                return true;
            }
            return switch (this) {
                case NONE -> false;
                case ROUTE -> true;
                case SETTING_CHANGE -> target.contains(":") && target.contains("->");
                case ACCOUNT -> target.startsWith("user:") || target.startsWith("operator:");
                default -> target.startsWith(prefix);
            };
        }
    }

    private final String code;
    private final Target target;
    private final String meaning;

    AuditAction(String code, Target target, String meaning) {
        this.code = code;
        this.target = target;
        this.meaning = meaning;
    }

    /** The text stored in the entry, such as {@code sign-in.failed}. */
    public String code() {
        return code;
    }

    public Target target() {
        return target;
    }

    public String meaning() {
        return meaning;
    }

    /** Whether {@code target} is the kind of thing this action names; no target at all always is. */
    boolean names(@Nullable String target) {
        return this.target.names(target);
    }
}
