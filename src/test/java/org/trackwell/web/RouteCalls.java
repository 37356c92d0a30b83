package org.trackwell.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.trackwell.outcomes.internal.SessionType;
import org.trackwell.support.Api;
import org.trackwell.support.TestImages;
import org.trackwell.web.MatrixWorld.Fresh;
import org.trackwell.web.Targets.Ref;

/**
 * How the matrix calls each route that needs more than its path: bodies valid enough that the
 * route's authorisation, not its validation, decides; what {@code {id}} names; and what each call
 * must have made new. A route without an entry here is called with no body and no query.
 */
final class RouteCalls {

    private static final String GOOD = Api.GOOD_PASSWORD;
    private static final ZoneId SERVICE_ZONE = ZoneId.of("Europe/London");

    private RouteCalls() {}

    static Map<String, RouteCall> all(MatrixWorld world) {
        List<RouteCall> calls = new ArrayList<>();
        calls.addAll(signingIn(world));
        calls.addAll(ownAccount());
        calls.addAll(administration());
        calls.addAll(clients(world));
        calls.addAll(outcomes());
        calls.addAll(medication());
        calls.addAll(reports());
        calls.addAll(monitoring());
        calls.addAll(serviceAccounts());
        return calls.stream().collect(Collectors.toMap(RouteCall::route, call -> call));
    }

    private static List<RouteCall> signingIn(MatrixWorld world) {
        String email = world.signer();
        String operator = world.operatorEmail();
        return List.of(
                json("POST /api/v1/auth/login", t -> map("email", email, "password", GOOD)),
                json("POST /api/v1/auth/login/mfa", t -> map("challenge", "no-such-challenge", "code", "000000")),
                json("POST /api/v1/auth/setup", t -> map("token", "no-such-token", "password", GOOD)),
                json("POST /api/v1/auth/password-reset", t -> map("email", email)),
                json("POST /api/v1/archive", t -> map("password", "too weak")),
                json("POST /api/v1/subject-access", t -> map("client", "NO-SUCH", "password", "too weak")),
                json("POST /api/v1/auth/password-reset/complete", t -> map("token", "no-such-token", "password", GOOD)),
                RouteCall.of("POST /api/v1/auth/logout").ownSession(),
                json("POST /api/v1/auth/login/passkey/options", t -> map("challenge", "no-such-challenge")),
                json("POST /api/v1/auth/login/passkey", t -> passkeyAssertion()),
                json("POST /api/v1/operator/setup", t -> map("token", "no-such-token", "password", GOOD)),
                json("POST /api/v1/operator/login", t -> map("email", operator, "password", GOOD)),
                json("POST /api/v1/operator/login/mfa", t -> map("challenge", "no-such-challenge", "code", "000000")),
                json("POST /api/v1/operator/mfa/totp/confirm", t -> map("code", "000000")),
                RouteCall.of("POST /api/v1/operator/logout").ownSession(),
                form("POST /operator/sign-in", t -> map("email", operator, "password", "not the password")),
                form("POST /operator/sign-in/code", t -> map("challenge", "no-such-challenge", "code", "000000")),
                RouteCall.of("POST /operator/sign-out").ownSession(),
                form("POST /sign-in", t -> map("email", email, "password", GOOD)),
                form("POST /sign-in/code", t -> map("challenge", "no-such-challenge", "code", "000000")),
                json("POST /sign-in/passkey/options", t -> map("challenge", "no-such-challenge")),
                json("POST /sign-in/passkey", t -> passkeyAssertion()),
                RouteCall.of("POST /sign-out").ownSession(),
                form("POST /account/setup", t -> map("token", "no-such-token", "password", GOOD, "confirmation", GOOD)),
                form("POST /account/forgot", t -> map("email", email)),
                RouteCall.of("GET /account/reset").query(t -> "token=no-such-token"),
                form(
                        "POST /account/reset",
                        t -> map("token", "no-such-token", "password", GOOD, "confirmation", GOOD)));
    }

    private static List<RouteCall> monitoring() {
        String nothing = java.util.UUID.randomUUID().toString();
        return List.of(
                form("POST /admin/alerts/acknowledge", t -> map("alert", nothing, "note", "Looked into it")),
                form("POST /operator/alerts/acknowledge", t -> map("alert", nothing, "note", "Looked into it")),
                form("POST /admin/activity-rules", t -> map("starts", "08:00", "ends", "18:00")),
                form("POST /admin/webhooks", t -> map("url", "https://hooks.matrix.test/trackwell")),
                form("POST /admin/webhooks/remove", t -> map("webhook", nothing)),
                form("POST /admin/webhooks/events", t -> map("webhook", nothing, "event", "score.recorded")),
                json(
                        "POST /api/v1/webhooks",
                        t -> map("url", "https://hooks.matrix.test/tenant", "events", List.of("score.recorded"))),
                json("PUT /api/v1/webhooks/{id}/events", t -> map("events", List.of("dose.missed")))
                        .variable("id", t -> nothing),
                json("POST /api/v1/webhooks/remove", t -> map("webhook", nothing)),
                form("POST /admin/mail/discard", t -> map("message", nothing)),
                form("POST /admin/mail/try-again", t -> map("message", nothing)),
                json("POST /api/v1/operator/alerts/acknowledge", t -> map("alert", nothing, "note", "Looked into it")),
                json("POST /api/v1/operator/webhooks", t -> map("url", "https://hooks.matrix.test/operators")),
                json("POST /api/v1/operator/webhooks/remove", t -> map("webhook", nothing)));
    }

    /** Service accounts belong to the tenant; {@code {id}} names none, so every variant is the same. */
    private static List<RouteCall> serviceAccounts() {
        String nothing = java.util.UUID.randomUUID().toString();
        String expiresOn = LocalDate.now(SERVICE_ZONE).plusDays(30).toString();
        return List.of(
                json(
                                "POST /api/v1/api-clients",
                                t -> map(
                                        "name",
                                        unique("matrix client"),
                                        "scopes",
                                        List.of("outcomes:read"),
                                        "teams",
                                        List.of(t.get(Ref.TEAM)),
                                        "expiresOn",
                                        expiresOn))
                        .refersInBody(),
                form(
                                "POST /admin/settings/api-clients",
                                t -> map(
                                        "name",
                                        unique("matrix client"),
                                        "scopes",
                                        "outcomes:read",
                                        "teams",
                                        t.get(Ref.TEAM),
                                        "expiresOn",
                                        expiresOn,
                                        "callsPerMinute",
                                        "60"))
                        .refersInBody(),
                RouteCall.of("GET /api/v1/api-clients/{id}").variable("id", t -> nothing),
                json("POST /api/v1/api-clients/{id}/rotate", t -> map("overlapHours", 1))
                        .variable("id", t -> nothing),
                RouteCall.of("POST /api/v1/api-clients/{id}/revoke").variable("id", t -> nothing),
                form("POST /admin/settings/api-clients/{id}/rotate", t -> map("overlapHours", "1"))
                        .variable("id", t -> nothing),
                RouteCall.of("POST /admin/settings/api-clients/{id}/revoke").variable("id", t -> nothing));
    }

    private static List<RouteCall> ownAccount() {
        String other = Api.OTHER_GOOD_PASSWORD;
        return List.of(
                RouteCall.of("POST /help/tips/{tip}/dismiss").variable("tip", t -> "settings"),
                json("PUT /api/v1/me/password", t -> map("currentPassword", GOOD, "newPassword", other))
                        .ownSession(),
                form("POST /account/password", t -> map("currentPassword", GOOD, "newPassword", other))
                        .ownSession(),
                form("POST /account/password/check", t -> map("newPassword", "too short")),
                json("POST /api/v1/me/terms", t -> map("version", "no-such-version")),
                form("POST /terms", t -> map("version", "no-such-version")),
                json("POST /api/v1/me/confirm", t -> map("password", GOOD)),
                form("POST /account/confirm", t -> map("password", GOOD)),
                RouteCall.of("GET /account/two-factor/totp/qr.png").fresh(Fresh.TOTP_ENROLMENT),
                json("POST /api/v1/me/mfa/totp/confirm", t -> map("code", "000000")),
                form("POST /account/two-factor/totp/confirm", t -> map("code", "000000")),
                json("POST /api/v1/me/mfa/passkeys", t -> passkeyRegistration()),
                json("POST /account/two-factor/passkeys", t -> passkeyRegistration()),
                RouteCall.of("DELETE /api/v1/me/mfa/passkeys/{id}")
                        .id(Ref.PASSKEY)
                        .fresh(Fresh.PASSKEY),
                RouteCall.of("POST /account/two-factor/passkeys/{id}/remove")
                        .id(Ref.PASSKEY)
                        .fresh(Fresh.PASSKEY));
    }

    private static List<RouteCall> administration() {
        Map<String, Object> policy = map(
                "minPasswordLength", 15,
                "passwordHistory", 5,
                "compositionRules", false,
                "lockoutThreshold", 5,
                "lockoutMinutes", 15,
                "maxLockoutMinutes", 1440,
                "idleTimeoutSeconds", 1200);
        return List.of(
                json(
                                "POST /api/v1/users",
                                t -> map(
                                        "email",
                                        unique("invitee") + "@matrix.test",
                                        "displayName",
                                        "Ivy Invitee",
                                        "roles",
                                        List.of("CARER"),
                                        "teams",
                                        List.of(t.get(Ref.TEAM))))
                        .refersInBody(),
                form(
                                "POST /admin/users",
                                t -> map(
                                        "email",
                                        unique("invitee") + "@matrix.test",
                                        "displayName",
                                        "Ivy Invitee",
                                        "roles",
                                        "CARER",
                                        "teams",
                                        t.get(Ref.TEAM)))
                        .refersInBody(),
                RouteCall.of("GET /api/v1/users/{id}").id(Ref.USER),
                RouteCall.of("GET /api/v1/users/{id}/sessions").id(Ref.USER),
                RouteCall.of("POST /api/v1/users/{id}/disable").id(Ref.USER),
                RouteCall.of("POST /api/v1/users/{id}/enable").id(Ref.USER),
                RouteCall.of("POST /api/v1/users/{id}/unlock").id(Ref.USER),
                RouteCall.of("POST /api/v1/users/{id}/mfa/reset").id(Ref.USER),
                json("PUT /api/v1/users/{id}/roles", t -> map("roles", List.of("PRACTITIONER")))
                        .id(Ref.USER),
                json("PUT /api/v1/users/{id}/teams", t -> map("teams", List.of(t.get(Ref.TEAM))))
                        .id(Ref.USER),
                RouteCall.of("GET /admin/users/{id}").id(Ref.USER),
                RouteCall.of("POST /admin/users/{id}/disable").id(Ref.USER),
                RouteCall.of("POST /admin/users/{id}/enable").id(Ref.USER),
                RouteCall.of("POST /admin/users/{id}/unlock").id(Ref.USER),
                form("POST /admin/users/{id}/mfa/reset", t -> map("confirmed", "true"))
                        .id(Ref.USER),
                RouteCall.of("POST /admin/users/{id}/invitation").id(Ref.USER),
                RouteCall.of("POST /api/v1/users/{id}/invitation").id(Ref.USER),
                form("POST /admin/users/{id}/roles", t -> map("roles", "PRACTITIONER", "confirmed", "true"))
                        .id(Ref.USER),
                form("POST /admin/users/{id}/teams", t -> map("teams", t.get(Ref.TEAM)))
                        .id(Ref.USER),
                json("POST /api/v1/teams", t -> map("name", unique("Team"))),
                form("POST /admin/teams", t -> map("name", unique("Team"))),
                json("PUT /api/v1/security-policy", t -> policy),
                json("PUT /api/v1/client-settings", t -> map("identifiers", List.of(), "demographics", List.of())),
                // An erasure of a made-up client, and a request number no tenant has: nothing of the
                // matrix's world is erased.
                json("POST /api/v1/erasures", t -> map("client", "MATRIX-NONE", "reason", "Asked to be forgotten")),
                form("POST /admin/erasures", t -> map("client", "MATRIX-NONE", "reason", "Asked to be forgotten")),
                form("POST /admin/subject-access", t -> map("client", "MATRIX-NONE")),
                // No archive was taken in the matrix's world, so closing is refused and nothing changes.
                form("POST /admin/close", t -> map("reason", "The contract ends", "confirmed", "true")),
                form("POST /admin/close/withdraw", t -> map()),
                RouteCall.of("POST /api/v1/erasures/{number}/approve").variable("number", t -> "999999"),
                RouteCall.of("POST /api/v1/erasures/{number}/cancel").variable("number", t -> "999999"),
                RouteCall.of("GET /api/v1/erasures/{number}/certificate").variable("number", t -> "999999"),
                RouteCall.of("POST /admin/erasures/{number}/approve").variable("number", t -> "999999"),
                RouteCall.of("POST /admin/erasures/{number}/cancel").variable("number", t -> "999999"),
                RouteCall.of("GET /admin/erasures/{number}/certificate").variable("number", t -> "999999"),
                json("PUT /api/v1/erasure-settings", t -> map("graceDays", 7)),
                form("POST /admin/settings/erasure", t -> map("graceDays", "7")),
                // Both modules stay on: the matrix's world keeps every route it calls.
                form("POST /admin/settings/modules", t -> map("used", "OUTCOMES,MEDICATION")),
                json("PUT /api/v1/modules-used", t -> map("used", List.of("OUTCOMES", "MEDICATION"))),
                json(
                        "POST /api/v1/retention/extensions",
                        t -> map("client", "MATRIX-NONE", "until", "2100-01-01", "reason", "A complaint is open")),
                form(
                        "POST /admin/retention/extensions",
                        t -> map("client", "MATRIX-NONE", "until", "2100-01-01", "reason", "A complaint is open")),
                json(
                        "PUT /api/v1/retention-settings",
                        t -> map("adultYears", 8, "childUntilAge", 25, "automatic", false)),
                form("POST /admin/settings/retention", t -> map("adultYears", "8", "childUntilAge", "25")),
                json(
                        "PUT /api/v1/medication-settings",
                        t -> map(
                                "timeZone",
                                "Europe/London",
                                "toleranceMinutes",
                                60,
                                "prnEffectMinutes",
                                60,
                                "lowStockDays",
                                7,
                                "expiryWarningDays",
                                30)),
                form("POST /admin/medication/round-identification", t -> map("shown", "PREFERRED_NAME")),
                json("PUT /api/v1/outcome-settings", t -> outcomeSettings()),
                form("POST /admin/measures/settings", t -> strings(outcomeSettings())),
                json("PUT /api/v1/session-types", t -> SessionType.defaults()),
                form("POST /admin/measures/session-types", t -> sessionTypesForm()),
                json("POST /api/v1/measures", t -> map("definition", definition(unique("IMPORTED")))),
                form("POST /admin/measures/import", t -> map("definition", Api.json(definition(unique("IMPORTED"))))),
                form(
                        "POST /admin/measures/new",
                        t -> map(
                                "id",
                                unique("BUILT"),
                                "title",
                                "Sleep check",
                                "options",
                                "No = 0\nYes = 1",
                                "items",
                                "Slept badly",
                                "bands",
                                "0 = Low",
                                "higherIsWorse",
                                "true")),
                RouteCall.of("GET /api/v1/measures/{id}").id(Ref.MEASURE),
                json("PUT /api/v1/measures/{id}/enabled", t -> map("enabled", true, "licenceHeld", true))
                        .id(Ref.MEASURE),
                form("POST /admin/measures/{id}/enable", t -> map("licenceHeld", "true"))
                        .id(Ref.MEASURE),
                RouteCall.of("POST /admin/measures/{id}/disable").id(Ref.MEASURE),
                RouteCall.of("GET /api/v1/measures/{id}/teams-off").id(Ref.MEASURE),
                json("PUT /api/v1/measures/{id}/teams-off", t -> map("teamIds", List.of(t.get(Ref.TEAM))))
                        .id(Ref.MEASURE),
                form("POST /admin/measures/{id}/teams-off", t -> map("teamId", t.get(Ref.TEAM)))
                        .id(Ref.MEASURE),
                json("POST /api/v1/medicines", t -> medicine()),
                form("POST /medication/medicines", t -> strings(medicine())));
    }

    private static List<RouteCall> clients(MatrixWorld world) {
        String practitioner = world.callers().get("PRACTITIONER").userId();
        String today = LocalDate.now(SERVICE_ZONE).toString();
        return List.of(
                json("POST /api/v1/clients", t -> map("teamId", t.get(Ref.TEAM)))
                        .refersInBody(),
                form("POST /clients/new", t -> map("teamId", t.get(Ref.TEAM))).refersInBody(),
                RouteCall.of("GET /api/v1/clients/search").query(t -> "reference=REF-1"),
                RouteCall.of("GET /clients/find").query(t -> "q=REF-1"),
                json("PUT /api/v1/clients/{code}", t -> map("teamId", t.get(Ref.TEAM))),
                json("PUT /api/v1/clients/{code}/practitioners", t -> map("practitioners", List.of(practitioner))),
                form("POST /clients/{code}/practitioners", t -> map("practitioners", practitioner)),
                json("POST /api/v1/clients/{code}/episodes", t -> map("referredOn", today))
                        .fresh(Fresh.CLIENT),
                form("POST /clients/{code}/episodes", t -> map("referredOn", today))
                        .fresh(Fresh.CLIENT),
                json("POST /api/v1/clients/{code}/episodes/{episode}/stage", t -> map("stage", "ASSESSMENT")),
                form("POST /clients/{code}/episodes/{episode}/stage", t -> map("stage", "ASSESSMENT")),
                json(
                                "POST /api/v1/clients/{code}/episodes/{episode}/close",
                                t -> map("closedOn", today, "planned", true, "reason", "COMPLETED"))
                        .fresh(Fresh.OPEN_EPISODE),
                form(
                                "POST /clients/{code}/episodes/{episode}/close",
                                t -> map("planned", "true", "reason", "COMPLETED", "confirmed", "true"))
                        .fresh(Fresh.OPEN_EPISODE),
                RouteCall.of("POST /api/v1/clients/{code}/episodes/{episode}/reopen")
                        .fresh(Fresh.CLOSED_EPISODE),
                RouteCall.of("POST /clients/{code}/episodes/{episode}/reopen").fresh(Fresh.CLOSED_EPISODE),
                json(
                        "POST /api/v1/clients/{code}/episodes/{episode}/follow-ups",
                        t -> map(
                                "dueOn", LocalDate.now(SERVICE_ZONE).plusDays(7).toString())),
                form(
                        "POST /clients/{code}/episodes/{episode}/follow-ups",
                        t -> map(
                                "dueOn", LocalDate.now(SERVICE_ZONE).plusDays(7).toString())),
                json("POST /api/v1/clients/{code}/risk", t -> map("level", "LOW", "note", "Settled today.")),
                form("POST /clients/{code}/risk", t -> map("level", "LOW", "note", "Settled today.")),
                json(
                        "POST /api/v1/clients/{code}/consents",
                        t -> map("purpose", "SHARING_WITH_GP", "given", true, "on", today)),
                form("POST /clients/{code}/consents", t -> map("purpose", "SHARING_WITH_GP", "given", "true")),
                RouteCall.of("POST /api/v1/clients/{code}/flags/{flag}/clear").fresh(Fresh.FLAG),
                RouteCall.of("POST /clients/{code}/flags/{flag}/clear").fresh(Fresh.FLAG),
                json("PUT /api/v1/clients/{code}/identification", t -> map("preferredName", "Ann", "room", "Room 12")),
                form("POST /clients/{code}/identification", t -> map("preferredName", "Ann", "room", "Room 12")),
                form("POST /clients/{code}/details", t -> map("reference", "MX-2026-1")),
                RouteCall.of("GET /api/v1/clients/{code}/photo").fresh(Fresh.PHOTO),
                RouteCall.of("GET /clients/{code}/photo").fresh(Fresh.PHOTO),
                RouteCall.of("PUT /api/v1/clients/{code}/photo").file("image/png", TestImages.png(4, 4), false),
                RouteCall.of("POST /clients/{code}/photo").file("image/png", TestImages.png(4, 4), true),
                RouteCall.of("DELETE /api/v1/clients/{code}/photo").fresh(Fresh.PHOTO),
                RouteCall.of("POST /clients/{code}/photo/remove").fresh(Fresh.PHOTO),
                json("POST /api/v1/clients/{code}/notes", t -> map("text", "Seen today.")),
                form("POST /clients/{code}/notes", t -> map("text", "Seen today.")),
                json("POST /api/v1/identifying-text", t -> map("text", "Seen today.")),
                form("POST /identifying-text/check", t -> map("text", "Seen today.")));
    }

    private static List<RouteCall> outcomes() {
        Map<String, Object> phq9 = new LinkedHashMap<>();
        for (int item = 1; item <= 9; item++) {
            phq9.put(Integer.toString(item), 0);
        }
        Map<String, String> phq9Form = new LinkedHashMap<>();
        phq9.keySet().forEach(item -> phq9Form.put("item." + item, "0"));
        Map<String, String> linkForm = new LinkedHashMap<>();
        phq9.keySet().forEach(item -> linkForm.put("m.PHQ-9." + item, "0"));
        Map<String, Object> session = map(
                "startsAt",
                Instant.now().minus(Duration.ofHours(1)).toString(),
                "type",
                "TREATMENT",
                "mode",
                "FACE_TO_FACE",
                "attendance",
                "ATTENDED");
        return List.of(
                json("POST /api/v1/clients/{code}/sessions", t -> session),
                form(
                        "POST /clients/{code}/outcomes/sessions",
                        t -> map(
                                "startsAt",
                                LocalDateTime.now(SERVICE_ZONE)
                                        .minusHours(1)
                                        .truncatedTo(ChronoUnit.MINUTES)
                                        .toString(),
                                "type",
                                "TREATMENT",
                                "mode",
                                "FACE_TO_FACE",
                                "attendance",
                                "ATTENDED")),
                json("PUT /api/v1/clients/{code}/sessions/{session}/attendance", t -> map("attendance", "ATTENDED")),
                form("POST /clients/{code}/sessions/{session}/attendance", t -> map("attendance", "ATTENDED")),
                json(
                                "POST /api/v1/clients/{code}/sessions/{session}/measures",
                                t -> map("measure", "PHQ-9", "answers", phq9))
                        .fresh(Fresh.SESSION),
                form("POST /clients/{code}/sessions/{session}/measures/{measure}", t -> phq9Form)
                        .variable("measure", t -> "PHQ-9")
                        .fresh(Fresh.SESSION),
                json(
                                "POST /api/v1/clients/{code}/sessions/{session}/goal-ratings",
                                t -> map("ratings", map(t.get(Ref.GOAL), 5)))
                        .fresh(Fresh.SESSION),
                form("POST /clients/{code}/sessions/{session}/goal-ratings", t -> map("goal." + t.get(Ref.GOAL), "5"))
                        .fresh(Fresh.SESSION),
                json("POST /api/v1/clients/{code}/sessions/{session}/links", t -> map("measures", List.of("PHQ-9"))),
                form("POST /clients/{code}/sessions/{session}/links", t -> map("email", "false")),
                json("PUT /api/v1/clients/{code}/primary-measure", t -> map("measure", "PHQ-9")),
                form("POST /clients/{code}/primary-measure", t -> map("measure", "PHQ-9")),
                json("POST /api/v1/clients/{code}/goals", t -> problem()),
                form("POST /clients/{code}/goals", t -> strings(problem())),
                json("PUT /api/v1/clients/{code}/goals/{goal}", t -> map("wording", "Sleeping badly at night")),
                form("POST /clients/{code}/goals/{goal}", t -> map("wording", "Sleeping badly at night")),
                RouteCall.of("POST /api/v1/clients/{code}/goals/{goal}/close").fresh(Fresh.GOAL),
                RouteCall.of("POST /clients/{code}/goals/{goal}/close").fresh(Fresh.GOAL),
                RouteCall.of("DELETE /api/v1/clients/{code}/chart-links/{link}").fresh(Fresh.CHART_LINK),
                RouteCall.of("POST /clients/{code}/chart-links/{link}/revoke").fresh(Fresh.CHART_LINK),
                json("POST /api/v1/client-links/{token}", t -> map("answers", map("PHQ-9", phq9)))
                        .fresh(Fresh.MEASURE_LINK),
                form("POST /c/{token}", t -> linkForm).fresh(Fresh.MEASURE_LINK),
                json("POST /api/v1/client-links/{token}/charts", t -> map("pin", t.get(Ref.CHART_PIN)))
                        .variable("token", Ref.CHART_TOKEN),
                RouteCall.of("GET /p/{token}").variable("token", Ref.CHART_TOKEN),
                form("POST /p/{token}", t -> map("pin", t.get(Ref.CHART_PIN))).variable("token", Ref.CHART_TOKEN));
    }

    private static List<RouteCall> reports() {
        return List.of(
                RouteCall.of("GET /api/v1/reports/outcomes/episodes").query(t -> "figure=referrals"),
                json("POST /api/v1/reports/outcomes/export", t -> map("format", "csv")),
                RouteCall.of("GET /reports/outcomes/episodes").query(t -> "figure=referrals"),
                form("POST /reports/outcomes/export", t -> map("format", "csv")),
                json("POST /api/v1/reports/medication/export", t -> map("report", "adherence", "format", "csv")),
                form("POST /reports/medication/export", t -> map("report", "adherence", "format", "csv")));
    }

    private static List<RouteCall> medication() {
        String month = YearMonth.now(SERVICE_ZONE).toString();
        Function<Targets, Map<String, Object>> dose = t -> map(
                "prescriptionId", t.get(Ref.PRESCRIPTION), "outcome", "GIVEN", "amount", 1, "personConfirmed", true);
        return List.of(
                json("POST /api/v1/clients/{code}/prescriptions", RouteCalls::prescription),
                form("POST /clients/{code}/medication/prescriptions", t -> strings(prescriptionForm(t))),
                json("POST /api/v1/clients/{code}/prescriptions/{id}/change", t -> prescriptionChange(t))
                        .id(Ref.PRESCRIPTION)
                        .fresh(Fresh.PRESCRIPTION),
                json("POST /api/v1/clients/{code}/prescriptions/{id}/stop", t -> map("reason", "Finished"))
                        .id(Ref.PRESCRIPTION)
                        .fresh(Fresh.PRESCRIPTION),
                form(
                                "POST /clients/{code}/medication/prescriptions/{id}/stop",
                                t -> map("reason", "Finished", "confirmed", "true"))
                        .id(Ref.PRESCRIPTION)
                        .fresh(Fresh.PRESCRIPTION),
                json("POST /api/v1/clients/{code}/doses", t -> dose.apply(t)),
                form(
                                "POST /medication/round/doses",
                                t -> map(
                                        "client",
                                        t.get(Ref.CLIENT),
                                        "team",
                                        t.get(Ref.TEAM),
                                        "prescription",
                                        t.get(Ref.PRESCRIPTION),
                                        "outcome",
                                        "GIVEN",
                                        "amount",
                                        "1",
                                        "personConfirmed",
                                        "true"))
                        .refersInBody(),
                json(
                                "POST /api/v1/clients/{code}/doses/{id}/corrections",
                                t -> map("outcome", "GIVEN", "amount", 2, "correctionReason", "Two were given"))
                        .id(Ref.DOSE)
                        .fresh(Fresh.DOSE),
                json("POST /api/v1/clients/{code}/doses/{id}/effect", t -> map("effect", "HELPED"))
                        .id(Ref.DOSE)
                        .fresh(Fresh.DOSE),
                form(
                                "POST /medication/round/effects",
                                t -> map(
                                        "client", t.get(Ref.CLIENT),
                                        "team", t.get(Ref.TEAM),
                                        "dose", t.get(Ref.DOSE),
                                        "effect", "HELPED"))
                        .refersInBody()
                        .fresh(Fresh.DOSE),
                RouteCall.of("GET /api/v1/clients/{code}/doses")
                        .query(t -> "from=" + Instant.now().minus(Duration.ofDays(1)) + "&to="
                                + Instant.now().plus(Duration.ofDays(1))),
                RouteCall.of("GET /api/v1/clients/{code}/mar").query(t -> "month=" + month),
                RouteCall.of("GET /clients/{code}/medication/mar").query(t -> "month=" + month),
                RouteCall.of("GET /clients/{code}/medication/mar.pdf").query(t -> "month=" + month),
                RouteCall.of("GET /api/v1/medication/round")
                        .query(t -> "team=" + t.get(Ref.TEAM))
                        .refersInBody(),
                RouteCall.of("GET /medication/round")
                        .query(t -> "team=" + t.get(Ref.TEAM))
                        .refersInBody(),
                RouteCall.of("GET /api/v1/medication/adherence")
                        .query(t -> "team=" + t.get(Ref.TEAM) + "&from="
                                + LocalDate.now(SERVICE_ZONE).minusDays(7) + "&to=" + LocalDate.now(SERVICE_ZONE))
                        .refersInBody(),
                json(
                        "POST /api/v1/clients/{code}/stock/receipts",
                        t -> map("medicineId", t.get(Ref.MEDICINE), "quantity", 10)),
                json(
                        "POST /api/v1/clients/{code}/stock/removals",
                        t -> map(
                                "medicineId", t.get(Ref.MEDICINE), "kind", "RETURN", "quantity", 1, "reason", "Spare")),
                json(
                        "POST /api/v1/clients/{code}/stock/counts",
                        t -> map("medicineId", t.get(Ref.MEDICINE), "counted", 5)),
                form(
                        "POST /clients/{code}/medication/stock",
                        t -> map("medicine", t.get(Ref.MEDICINE), "action", "RECEIPT", "quantity", "5")),
                RouteCall.of("POST /api/v1/medication/alerts/{id}/acknowledge")
                        .id(Ref.ALERT)
                        .fresh(Fresh.ALERT),
                RouteCall.of("POST /medication/alerts/{id}/acknowledge")
                        .id(Ref.ALERT)
                        .fresh(Fresh.ALERT));
    }

    private static Map<String, Object> prescription(Targets t) {
        return map(
                "medicineId",
                t.get(Ref.MEDICINE),
                "dose",
                1,
                "unit",
                "tablet",
                "startsOn",
                LocalDate.now(SERVICE_ZONE).toString(),
                "prescriber",
                "Dr Matrix",
                "kind",
                "PRN",
                "prn",
                map("indication", "Pain", "minDose", 1, "maxDose", 2, "minIntervalMinutes", 0, "maxDosesPerDay", 10));
    }

    private static Map<String, Object> prescriptionChange(Targets t) {
        Map<String, Object> change = new LinkedHashMap<>(prescription(t));
        change.put("reason", "Dose reviewed");
        return change;
    }

    private static Map<String, Object> prescriptionForm(Targets t) {
        return map(
                "medicineId",
                t.get(Ref.MEDICINE),
                "kind",
                "PRN",
                "dose",
                1,
                "unit",
                "tablet",
                "startsOn",
                LocalDate.now(SERVICE_ZONE).toString(),
                "prescriber",
                "Dr Matrix",
                "indication",
                "Pain",
                "minDose",
                1,
                "maxDose",
                2,
                "minIntervalMinutes",
                0,
                "maxDosesPerDay",
                10);
    }

    private static Map<String, Object> problem() {
        return map("kind", "PROBLEM", "wording", "Worrying a lot", "duration", "ONE_TO_SIX_MONTHS");
    }

    private static Map<String, Object> medicine() {
        return map("name", unique("Medicine"), "form", "tablet", "strength", "5 mg", "route", "oral");
    }

    private static Map<String, Object> outcomeSettings() {
        return map(
                "commercial", true,
                "primaryMeasure", "PHQ-9",
                "notSeenWarningDays", 15,
                "notSeenAlertDays", 30,
                "maxGoals", 3,
                "linkValidityDays", 7,
                "chartLinkValidityDays", 30,
                "pcl5CutOff", 33);
    }

    private static Map<String, String> sessionTypesForm() {
        Map<String, String> form = new LinkedHashMap<>();
        List<SessionType> types = SessionType.defaults();
        for (int i = 0; i < types.size(); i++) {
            form.put("code." + i, types.get(i).code());
            form.put("name." + i, types.get(i).name());
            form.put("measures." + i, String.join(",", types.get(i).measures()));
        }
        return form;
    }

    /** A measure of one's own in the measure file format: two yes-or-no items. */
    private static Map<String, Object> definition(String id) {
        return map(
                "id",
                id,
                "version",
                1,
                "title",
                "Sleep check " + id,
                "higherIsWorse",
                true,
                "options",
                List.of(map("label", "No", "score", 0), map("label", "Yes", "score", 1)),
                "items",
                List.of(
                        map("id", "1", "text", "Slept badly", "reverse", false),
                        map("id", "2", "text", "Woke early", "reverse", false)),
                "bands",
                List.of(map("from", 0, "label", "Low")),
                "total",
                map("method", "SUM", "maxMissing", 0, "prorate", false, "multiplier", 1),
                "licence",
                map("name", "Ours", "commercialUse", true, "modification", true, "permissionNeeded", false));
    }

    private static Map<String, Object> passkeyAssertion() {
        return map(
                "challenge", "no-such-challenge", "ceremony", UUID.randomUUID().toString(), "credential", map());
    }

    private static Map<String, Object> passkeyRegistration() {
        return map("ceremony", UUID.randomUUID().toString(), "name", "Matrix key", "credential", map());
    }

    private static RouteCall json(String route, Function<Targets, Object> body) {
        return RouteCall.of(route).json(body);
    }

    private static RouteCall form(String route, Function<Targets, Map<String, ?>> form) {
        return RouteCall.of(route).form(t -> strings(form.apply(t)));
    }

    private static Map<String, String> strings(Map<String, ?> values) {
        Map<String, String> strings = new LinkedHashMap<>();
        values.forEach((name, value) -> strings.put(name, String.valueOf(value)));
        return strings;
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A map in the order given, from name and value pairs. */
    private static Map<String, Object> map(Object... namesAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }
}
