package org.trackwell.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.trackwell.identity.Accounts;
import org.trackwell.support.Api;
import org.trackwell.support.Https;
import org.trackwell.support.PageSession;
import org.trackwell.support.TrackwellTest;
import org.trackwell.tenancy.Tenants;

/**
 * Each risky action's form, posted as a browser without script posts it: the first post only asks,
 * naming the consequence, and changes nothing; the post that says "confirmed" acts.
 */
@TrackwellTest
class ConfirmationsIT {

    @LocalServerPort
    int port;

    @Autowired
    Tenants tenants;

    @Autowired
    Accounts accounts;

    final org.springframework.jdbc.core.simple.JdbcClient superuser =
            org.springframework.jdbc.core.simple.JdbcClient.create(org.trackwell.support.TestPostgres.asSuperuser());

    Api api;
    String admin;
    String team;
    String manager;
    String managerEmail;

    @BeforeEach
    void service() {
        api = Api.newTenant(new Https(port), tenants, accounts, "confirm");
        admin = api.signInAsAdmin();
        team = api.newTeam(admin, "Birch Unit");
        managerEmail = api.newUserInTeam(admin, "Mo Manager", team, "MANAGER");
        manager = api.signIn(managerEmail, Api.GOOD_PASSWORD);
    }

    @Test
    void closingAnEpisodeAsksFirstAndClosesOnlyOnceConfirmed() {
        String code = client();
        String episode = Api.read(api.post(
                        "/api/v1/clients/" + code + "/episodes",
                        Api.json(Map.of("referredOn", today().minusDays(30).toString())),
                        manager))
                .get("id")
                .asString();
        PageSession page = PageSession.signedIn(api, managerEmail, Api.GOOD_PASSWORD);
        String path = "/clients/" + code + "/episodes/" + episode + "/close";
        String[] form = {"reason", "COMPLETED", "planned", "true", "closedOn", today().toString()};

        HttpResponse<String> asked = page.submitFrom("/clients/" + code, path, form);
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.body())
                .contains("Close this episode?", "no more sessions or measures can be recorded", "Close the episode")
                .contains("name=\"reason\" value=\"COMPLETED\"", "name=\"confirmed\" value=\"true\"")
                .contains("href=\"/clients/" + code + "\"");
        assertThat(openEpisode(code)).as("asking changed nothing").isTrue();

        HttpResponse<String> done = page.submitFrom("/clients/" + code, path, with(form, "confirmed", "true"));
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(openEpisode(code)).isFalse();
    }

    @Test
    void stoppingAPrescriptionAsksFirst() {
        String code = client();
        String medicine = Api.read(api.post(
                        "/api/v1/medicines",
                        Api.json(Map.of("name", "Sertraline", "form", "tablet", "strength", "50 mg", "route", "oral")),
                        manager))
                .get("id")
                .asString();
        String prescription = Api.read(api.post(
                        "/api/v1/clients/" + code + "/prescriptions",
                        Api.json(Map.of(
                                "medicineId", medicine,
                                "dose", "1",
                                "unit", "tablet",
                                "startsOn", today().toString(),
                                "prescriber", "Dr A Example",
                                "kind", "REGULAR",
                                "schedule", Map.of("kind", "TIMES_OF_DAY", "times", List.of("08:00")))),
                        manager))
                .get("id")
                .asString();
        PageSession page = PageSession.signedIn(api, managerEmail, Api.GOOD_PASSWORD);
        String from = "/clients/" + code + "/medication";
        String path = from + "/prescriptions/" + prescription + "/stop";

        HttpResponse<String> asked = page.submitFrom(from, path, "reason", "Course finished");
        assertThat(asked.body()).contains("Stop this prescription?", "takes it off the medication round");
        assertThat(activePrescriptions(code)).isEqualTo(1);

        assertThat(page.submitFrom(from, path, "reason", "Course finished", "confirmed", "true")
                        .statusCode())
                .isEqualTo(302);
        assertThat(activePrescriptions(code)).isZero();
    }

    @Test
    void overridingAnAsNeededLimitAsksFirst() {
        String code = client();
        String medicine = Api.read(api.post(
                        "/api/v1/medicines",
                        Api.json(Map.of("name", "Lorazepam", "form", "tablet", "strength", "1 mg", "route", "oral")),
                        manager))
                .get("id")
                .asString();
        Map<String, Object> prn = new HashMap<>();
        prn.put("medicineId", medicine);
        prn.put("dose", "1");
        prn.put("unit", "tablet");
        prn.put("startsOn", today().minusDays(1).toString());
        prn.put("prescriber", "Dr A Example");
        prn.put("kind", "PRN");
        prn.put(
                "prn",
                Map.of(
                        "indication", "Agitation",
                        "minDose", "1",
                        "maxDose", "1",
                        "minIntervalMinutes", 240,
                        "maxDosesPerDay", 2));
        String prescription = Api.read(api.post("/api/v1/clients/" + code + "/prescriptions", Api.json(prn), manager))
                .get("id")
                .asString();
        PageSession page = PageSession.signedIn(api, managerEmail, Api.GOOD_PASSWORD);
        String round = "/medication/round?team=" + team;
        String[] form = {
            "client",
            code,
            "team",
            team,
            "prescription",
            prescription,
            "outcome",
            "GIVEN",
            "amount",
            "1",
            "personConfirmed",
            "true"
        };
        assertThat(page.submitFrom(round, "/medication/round/doses", form).statusCode())
                .isEqualTo(302);
        String[] override = with(form, "overrideReason", "Very distressed; GP advised by phone");

        HttpResponse<String> asked = page.submitFrom(round, "/medication/round/doses", override);
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.body()).contains("Give a dose beyond the limit?", "recorded as an override", "Give it anyway");
        assertThat(api.auditActions()).doesNotContain("dose.prn-limit-overridden");

        page.submitFrom(round, "/medication/round/doses", with(override, "confirmed", "true"));
        assertThat(api.auditActions()).contains("dose.prn-limit-overridden");
    }

    @Test
    void removingARoleAndResettingASecondFactorAskFirst() {
        String email = api.newUserInTeam(admin, "Pat Practitioner", team, "PRACTITIONER", "CARER");
        String id = idOf(email);
        PageSession page = PageSession.signedIn(api, api.adminEmail(), Api.GOOD_PASSWORD);
        String user = "/admin/users/" + id;

        HttpResponse<String> asked = page.submitFrom(user, user + "/roles", "roles", "PRACTITIONER");
        assertThat(asked.body()).contains("Remove Carer from Pat Practitioner?", "signed out everywhere");
        assertThat(roles(id)).contains("CARER");
        page.submitFrom(user, user + "/roles", "roles", "PRACTITIONER", "confirmed", "true");
        assertThat(roles(id)).doesNotContain("CARER");

        assertThat(page.submitFrom(user, user + "/roles", "roles", "PRACTITIONER", "roles", "MANAGER")
                        .statusCode())
                .as("adding a role removes nothing, and is not asked about")
                .isEqualTo(302);
        assertThat(roles(id)).contains("MANAGER");

        HttpResponse<String> reset = page.submitFrom(user, user + "/mfa/reset");
        assertThat(reset.body()).contains("two-factor sign-in?", "stop working at once");
        assertThat(api.auditActions()).doesNotContain("mfa.reset");
        page.submitFrom(user, user + "/mfa/reset", "confirmed", "true");
        assertThat(api.auditActions()).contains("mfa.reset");
    }

    @Test
    void aUserWithOnlyAPasskeyCanHaveTheirSecondFactorResetFromTheirPage() {
        String email = api.newUserInTeam(admin, "Kit Keyholder", team, "CARER");
        String id = idOf(email);
        PageSession page = PageSession.signedIn(api, api.adminEmail(), Api.GOOD_PASSWORD);
        String user = "/admin/users/" + id;
        assertThat(page.get(user).body()).as("nothing to reset yet").doesNotContain("reset-two-factor");

        byte[] credential = new byte[32];
        new java.security.SecureRandom().nextBytes(credential);
        superuser
                .sql("insert into passkey (tenant_id, id, user_id, credential_id, credential, sign_count, name,"
                        + " created_at) values (:tenant, :id, :user, :credential, :credential, 0, 'Door key', now())")
                .param("tenant", api.tenant().id().value())
                .param("id", java.util.UUID.randomUUID())
                .param("user", java.util.UUID.fromString(id))
                .param("credential", credential)
                .update();
        assertThat(page.get(user).body()).contains("reset-two-factor");

        page.submitFrom(user, user + "/mfa/reset", "confirmed", "true");
        assertThat(api.auditActions()).contains("mfa.reset");
        assertThat(superuser
                        .sql("select count(*) from passkey where user_id = :user")
                        .param("user", java.util.UUID.fromString(id))
                        .query((row, n) -> row.getLong(1))
                        .single())
                .isZero();
    }

    @Test
    void changingTheSecurityPolicyAsksFirstButABadValueIsRefusedAtOnce() {
        PageSession page = PageSession.signedIn(api, api.adminEmail(), Api.GOOD_PASSWORD);
        String path = "/admin/settings/security-policy";
        String[] form = {
            "minPasswordLength",
            "16",
            "passwordHistory",
            "5",
            "lockoutThreshold",
            "5",
            "lockoutMinutes",
            "1",
            "maxLockoutMinutes",
            "60",
            "idleTimeoutMinutes",
            "20",
            "secondFactorRoles",
            "TENANT_ADMIN"
        };

        assertThat(page.submit(path, with(form, "minPasswordLength", "7")).statusCode())
                .as("refused before anything is asked")
                .isEqualTo(302);
        HttpResponse<String> asked = page.submit(path, form);
        assertThat(asked.body()).contains("Change the security policy?", "from the moment you confirm");
        assertThat(api.auditActions()).doesNotContain("security-policy.changed");

        HttpResponse<String> changed = page.submit(path, with(form, "confirmed", "true"));
        assertThat(changed.headers().firstValue("Location").orElse("")).endsWith(path);
        assertThat(api.auditActions()).contains("security-policy.changed");
    }

    @Test
    void switchingAModuleOffAsksFirstSayingItsRecordsAreKeptAndSwitchingItOnDoesNot() {
        PageSession page = PageSession.signedIn(api, api.adminEmail(), Api.GOOD_PASSWORD);
        String path = "/admin/settings/modules";

        assertThat(page.submit(path, "used", "OUTCOMES", "used", "NO_SUCH_MODULE")
                        .statusCode())
                .as("a module that does not exist is refused and nothing changes")
                .isEqualTo(400);
        HttpResponse<String> asked = page.submit(path, "used", "OUTCOMES");
        assertThat(asked.body()).contains("Switch off Medication?", "kept, hidden", "Nothing is deleted");
        assertThat(modulesOff()).isEmpty();

        assertThat(page.submit(path, "used", "OUTCOMES", "confirmed", "true").statusCode())
                .isEqualTo(302);
        assertThat(modulesOff()).containsExactly("MEDICATION");
        HttpResponse<String> on = page.submit(path, "used", "OUTCOMES", "used", "MEDICATION");
        assertThat(on.headers().firstValue("Location").orElse(""))
                .as("on again at once")
                .endsWith(path);
        assertThat(modulesOff()).isEmpty();
    }

    private java.util.List<String> modulesOff() {
        return superuser
                .sql("select module from module_used where tenant_id = :t and not used")
                .param("t", api.tenant().id().value())
                .query((row, n) -> row.getString(1))
                .list();
    }

    private String client() {
        return Api.read(api.post("/api/v1/clients", Api.json(Map.of("teamId", team)), manager))
                .get("code")
                .asString();
    }

    private boolean openEpisode(String code) {
        for (var episode : Api.read(api.get("/api/v1/clients/" + code + "/episodes", manager))) {
            if (episode.get("closedOn") == null || episode.get("closedOn").isNull()) {
                return true;
            }
        }
        return false;
    }

    private int activePrescriptions(String code) {
        int active = 0;
        for (var p : Api.read(api.get("/api/v1/clients/" + code + "/prescriptions", manager))) {
            if (p.get("stoppedAt") == null || p.get("stoppedAt").isNull()) {
                active++;
            }
        }
        return active;
    }

    private String roles(String id) {
        return Api.read(api.get("/api/v1/users/" + id, admin)).get("roles").toString();
    }

    private String idOf(String email) {
        for (var user : Api.read(api.get("/api/v1/users", admin))) {
            if (user.get("email").asString().equals(email)) {
                return user.get("id").asString();
            }
        }
        throw new AssertionError("no user " + email);
    }

    private static String[] with(String[] form, String name, String value) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        for (int i = 0; i < form.length; i += 2) {
            fields.put(form[i], form[i + 1]);
        }
        fields.put(name, value);
        return fields.entrySet().stream()
                .flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue()))
                .toArray(String[]::new);
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/London"));
    }
}
