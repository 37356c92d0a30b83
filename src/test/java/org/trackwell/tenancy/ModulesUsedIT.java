package org.trackwell.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.trackwell.database.TenantTransactions;
import org.trackwell.identity.Accounts;
import org.trackwell.medication.internal.MissedDoseWatch;
import org.trackwell.outcomes.internal.ScheduledLinks;
import org.trackwell.support.Api;
import org.trackwell.support.Https;
import org.trackwell.support.MutableClock;
import org.trackwell.support.PageSession;
import org.trackwell.support.TestPostgres;
import org.trackwell.support.TrackwellTest;

/**
 * A tenant admin switches a module off and on from the outside: off, its pages and API answer
 * "not found" for everyone (service accounts too), its menus and home-page parts go and its
 * scheduled work skips the tenant; on again, every record it held is back. Only tenant admins may.
 */
@TrackwellTest
class ModulesUsedIT {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @LocalServerPort
    int port;

    @Autowired
    Tenants tenants;

    @Autowired
    Accounts accounts;

    @Autowired
    MutableClock clock;

    @Autowired
    TenantTransactions transactions;

    @Autowired
    MissedDoseWatch missedDoses;

    @Autowired
    ScheduledLinks scheduledLinks;

    Https https;
    Api api;
    String admin;
    String team;
    String managerEmail;
    String manager;
    String code;
    PageSession adminPages;
    PageSession managerPages;

    @BeforeEach
    void serviceWithAClient() {
        https = new Https(port);
        api = Api.newTenant(https, tenants, accounts, "modules");
        admin = api.signInAsAdmin();
        team = api.newTeam(admin, "Willow House");
        managerEmail = api.newUserInTeam(admin, "Mo Manager", team, "MANAGER", "PRACTITIONER");
        manager = api.signIn(managerEmail, Api.GOOD_PASSWORD);
        code = Api.read(api.post("/api/v1/clients", Api.json(Map.of("teamId", team)), manager))
                .get("code")
                .asString();
        adminPages = PageSession.signedIn(api, api.adminEmail(), Api.GOOD_PASSWORD);
        managerPages = PageSession.signedIn(api, managerEmail, Api.GOOD_PASSWORD);
    }

    @AfterEach
    void close() {
        https.close();
    }

    @Test
    void medicationSwitchedOffIsNotFoundAnywhereAndSwitchedOnShowsItsRecordsAgain() {
        String prescription = prescriptionStartedDaysAgo();
        halfADayLater();
        String key = serviceAccountKey(List.of("doses:read", "reports:read"));
        assertThat(api.get("/api/v1/clients/" + code + "/prescriptions", key).statusCode())
                .isEqualTo(200);
        assertThat(managerPages.get("/").body()).contains("/medication/round");

        HttpResponse<String> asked = adminPages.submit("/admin/settings/modules", "used", "OUTCOMES");
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.body()).contains("Switch off Medication?").contains("Nothing is deleted");
        assertThat(api.get("/api/v1/clients/" + code + "/prescriptions", manager)
                        .statusCode())
                .as("asking changes nothing")
                .isEqualTo(200);

        switchTo("OUTCOMES");

        for (String page : List.of(
                "/clients/" + code + "/medication",
                "/clients/" + code + "/medication/mar",
                "/medication/round",
                "/medication/alerts",
                "/medication/medicines",
                "/reports/medication",
                "/reports/medication/controlled-drugs")) {
            HttpResponse<String> hidden = managerPages.get(page);
            assertThat(hidden.statusCode()).as(page).isEqualTo(404);
            assertThat(hidden.body()).as(page).contains("There is nothing here");
        }
        for (String route : List.of(
                "/api/v1/clients/" + code + "/prescriptions",
                "/api/v1/clients/" + code + "/doses",
                "/api/v1/medication/round",
                "/api/v1/reports/medication/adherence")) {
            HttpResponse<String> hidden = api.get(route, manager);
            assertThat(hidden.statusCode()).as(route).isEqualTo(404);
            assertThat(hidden.headers().firstValue("Content-Type").orElse(""))
                    .as(route)
                    .startsWith("application/problem+json");
            assertThat(api.get(route, key).statusCode())
                    .as("service account: " + route)
                    .isEqualTo(404);
        }
        assertThat(adminPages.get("/admin/settings/medication").statusCode()).isEqualTo(404);
        assertThat(managerPages.get("/").body())
                .doesNotContain("/medication/round")
                .contains("/progress");
        assertThat(managerPages.get("/clients/" + code).body())
                .doesNotContain("id=\"medication-link\"")
                .contains("id=\"outcomes-link\"");
        assertThat(adminPages.get("/admin/settings").body()).doesNotContain("id=\"settings-medication\"");
        assertThat(managerPages.get("/reports/outcomes").body()).doesNotContain("id=\"nav-adherence\"");
        assertThat(managerPages.get("/clients/" + code + "/summary").body())
                .doesNotContain("Current medication")
                .contains("Episodes and measures");
        assertThat(inTenant(missedDoses::detect))
                .as("the missed-dose watch skips the tenant")
                .isZero();

        switchTo("OUTCOMES", "MEDICATION");

        HttpResponse<String> back = api.get("/api/v1/clients/" + code + "/prescriptions", manager);
        assertThat(back.statusCode()).isEqualTo(200);
        assertThat(back.body()).contains(prescription);
        assertThat(managerPages.get("/clients/" + code + "/medication").statusCode())
                .isEqualTo(200);
        assertThat(managerPages.get("/").body()).contains("/medication/round");
        assertThat(inTenant(missedDoses::detect))
                .as("missed doses are found again")
                .isPositive();
        assertThat(settingChanges())
                .containsExactly("modules-used.medication:true->false", "modules-used.medication:false->true");
        assertThat(adminPages.get("/admin/settings/changes").body()).contains("Modules used: medication");
    }

    @Test
    void outcomesSwitchedOffIsNotFoundAnywhereAndSwitchedOnShowsItsRecordsAgain() {
        String session = session();
        String key = serviceAccountKey(List.of("outcomes:read"));

        switchTo("MEDICATION");

        for (String page : List.of(
                "/clients/" + code + "/outcomes", "/progress", "/reports/outcomes", "/reports/outcomes/episodes")) {
            assertThat(managerPages.get(page).statusCode()).as(page).isEqualTo(404);
        }
        assertThat(adminPages.get("/admin/measures").statusCode()).isEqualTo(404);
        for (String route : List.of("/api/v1/clients/" + code + "/sessions", "/api/v1/progress", "/api/v1/measures")) {
            assertThat(api.get(route, manager).statusCode()).as(route).isEqualTo(404);
            assertThat(api.get(route, key).statusCode())
                    .as("service account: " + route)
                    .isEqualTo(404);
        }
        String menu = managerPages.get("/").body();
        assertThat(menu).doesNotContain("href=\"/progress\"").contains("href=\"/reports/medication\"");
        assertThat(managerPages.get("/clients/" + code).body()).doesNotContain("id=\"outcomes-link\"");
        assertThat(managerPages.get("/reports/medication").body())
                .contains("id=\"nav-adherence\"")
                .doesNotContain("href=\"/reports/outcomes\"");
        assertThat(managerPages.get("/clients/" + code + "/summary").body())
                .doesNotContain("Episodes and measures")
                .contains("Current medication");
        assertThat(adminPages.get("/").body()).doesNotContain("href=\"/admin/measures\"");
        assertThat(inTenant(scheduledLinks::sendDueInTenant)).isZero();

        switchTo("OUTCOMES", "MEDICATION");

        HttpResponse<String> back = api.get("/api/v1/clients/" + code + "/sessions", manager);
        assertThat(back.statusCode()).isEqualTo(200);
        assertThat(back.body()).contains(session);
        assertThat(settingChanges())
                .containsExactly("modules-used.outcomes:true->false", "modules-used.outcomes:false->true");
    }

    @Test
    void medicationSwitchedOffThroughTheApiIsNotFoundAtOnce() {
        prescriptionStartedDaysAgo();
        assertThat(modulesUsed()).isEqualTo("{\"used\":[\"OUTCOMES\",\"MEDICATION\"]}");
        assertThat(adminPages.get("/admin/settings/modules").body()).contains("id=\"module-medication\" checked");

        HttpResponse<String> off =
                api.put("/api/v1/modules-used", Api.json(Map.of("used", List.of("OUTCOMES"))), admin);

        assertThat(off.statusCode()).as(off.body()).isEqualTo(200);
        assertThat(off.body()).isEqualTo("{\"used\":[\"OUTCOMES\"]}");
        HttpResponse<String> hidden = api.get("/api/v1/clients/" + code + "/prescriptions", manager);
        assertThat(hidden.statusCode()).isEqualTo(404);
        assertThat(hidden.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(managerPages.get("/medication/round").statusCode()).isEqualTo(404);
        assertThat(adminPages.get("/admin/settings/modules").body()).doesNotContain("id=\"module-medication\" checked");
        assertThat(modulesUsed()).isEqualTo("{\"used\":[\"OUTCOMES\"]}");

        HttpResponse<String> on =
                api.put("/api/v1/modules-used", Api.json(Map.of("used", List.of("MEDICATION", "OUTCOMES"))), admin);

        assertThat(on.body()).isEqualTo("{\"used\":[\"OUTCOMES\",\"MEDICATION\"]}");
        assertThat(api.get("/api/v1/clients/" + code + "/prescriptions", manager)
                        .statusCode())
                .isEqualTo(200);
        assertThat(settingChanges())
                .containsExactly("modules-used.medication:true->false", "modules-used.medication:false->true");
    }

    @Test
    void unknownModulesAreRefusedAndChangeNothing() {
        for (String body : List.of(
                "{}",
                "{\"used\":null}",
                "{\"used\":\"OUTCOMES\"}",
                "{\"used\":[\"OUTCOMES\",\"PAYROLL\"]}",
                "{\"used\":[\"OUTCOMES\",null]}",
                "{\"used\":[\"outcomes\"]}",
                "{\"used\":[1]}",
                "{\"used\":[],\"confirmed\":true}",
                "[\"OUTCOMES\"]")) {
            HttpResponse<String> refused = api.put("/api/v1/modules-used", body, admin);
            assertThat(refused.statusCode()).as(body + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type").orElse(""))
                    .as(body)
                    .startsWith("application/problem+json");
        }
        HttpResponse<String> tampered =
                adminPages.submit("/admin/settings/modules", "used", "PAYROLL", "confirmed", "true");
        assertThat(tampered.statusCode()).as(tampered.body()).isEqualTo(400);
        assertThat(modulesUsed()).isEqualTo("{\"used\":[\"OUTCOMES\",\"MEDICATION\"]}");
        assertThat(settingChanges()).isEmpty();
    }

    @Test
    void onlyATenantAdminSwitchesModules() {
        assertThat(managerPages.get("/admin/settings/modules").statusCode()).isEqualTo(403);
        assertThat(managerPages
                        .submitFrom("/clients", "/admin/settings/modules", "used", "OUTCOMES", "confirmed", "true")
                        .statusCode())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/clients/" + code + "/prescriptions", manager)
                        .statusCode())
                .isEqualTo(200);
        String allOff = Api.json(Map.of("used", List.of()));
        assertThat(api.get("/api/v1/modules-used", manager).statusCode()).isEqualTo(403);
        assertThat(api.put("/api/v1/modules-used", allOff, manager).statusCode())
                .isEqualTo(403);
        String key = serviceAccountKey(List.of("clients:read", "doses:read", "outcomes:read", "reports:read"));
        assertThat(api.get("/api/v1/modules-used", key).statusCode()).isEqualTo(403);
        assertThat(api.put("/api/v1/modules-used", allOff, key).statusCode()).isEqualTo(403);
        assertThat(settingChanges()).isEmpty();
        assertThat(adminPages.get("/admin/settings/modules").body())
                .contains("id=\"module-medication\"")
                .contains("checked");
    }

    /** Two of the six-hourly doses fall due and at least one window passes; idle sessions end, so everyone signs in again. */
    private void halfADayLater() {
        clock.advance(Duration.ofHours(12));
        admin = api.signInAsAdmin();
        manager = api.signIn(managerEmail, Api.GOOD_PASSWORD);
        adminPages = PageSession.signedIn(api, api.adminEmail(), Api.GOOD_PASSWORD);
        managerPages = PageSession.signedIn(api, managerEmail, Api.GOOD_PASSWORD);
    }

    private void switchTo(String... used) {
        String[] fields = new String[used.length * 2 + 2];
        for (int i = 0; i < used.length; i++) {
            fields[2 * i] = "used";
            fields[2 * i + 1] = used[i];
        }
        fields[fields.length - 2] = "confirmed";
        fields[fields.length - 1] = "true";
        HttpResponse<String> saved = adminPages.submit("/admin/settings/modules", fields);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
    }

    private String modulesUsed() {
        HttpResponse<String> read = api.get("/api/v1/modules-used", admin);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        return read.body();
    }

    private int inTenant(java.util.function.Supplier<Integer> work) {
        return transactions.inTenant(api.tenant().id(), work);
    }

    private List<String> settingChanges() {
        return JdbcClient.create(TestPostgres.asSuperuser())
                .sql("select target from audit_event where tenant_id = :t and action = 'setting.changed'"
                        + " order by occurred_at")
                .param("t", api.tenant().id().value())
                .query((row, n) -> row.getString(1))
                .list();
    }

    private String prescriptionStartedDaysAgo() {
        HttpResponse<String> medicine = api.post(
                "/api/v1/medicines",
                Api.json(Map.of("name", "Paracetamol", "form", "tablet", "strength", "500 mg", "route", "oral")),
                manager);
        assertThat(medicine.statusCode()).as(medicine.body()).isEqualTo(201);
        Map<String, Object> body = new HashMap<>();
        body.put("medicineId", Api.read(medicine).get("id").asString());
        body.put("dose", "2");
        body.put("unit", "tablets");
        body.put(
                "startsOn",
                LocalDate.ofInstant(clock.instant(), LONDON).minusDays(2).toString());
        body.put("prescriber", "Dr A Example");
        body.put("kind", "REGULAR");
        body.put("schedule", Map.of("kind", "TIMES_OF_DAY", "times", List.of("02:00", "08:00", "14:00", "20:00")));
        HttpResponse<String> created = api.post("/api/v1/clients/" + code + "/prescriptions", Api.json(body), manager);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Api.read(created).get("id").asString();
    }

    private String session() {
        HttpResponse<String> episode = api.post(
                "/api/v1/clients/" + code + "/episodes",
                Api.json(Map.of(
                        "referredOn",
                        LocalDate.ofInstant(clock.instant(), LONDON)
                                .minusDays(30)
                                .toString())),
                manager);
        assertThat(episode.statusCode()).as(episode.body()).isEqualTo(201);
        HttpResponse<String> created = api.post(
                "/api/v1/clients/" + code + "/sessions",
                Api.json(Map.of(
                        "startsAt",
                        clock.instant().truncatedTo(ChronoUnit.SECONDS).toString(),
                        "type",
                        "TREATMENT",
                        "mode",
                        "FACE_TO_FACE")),
                manager);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Api.read(created).get("id").asString();
    }

    private String serviceAccountKey(List<String> scopes) {
        HttpResponse<String> created = api.post(
                "/api/v1/api-clients",
                Api.json(Map.of(
                        "name",
                        "Reporting",
                        "scopes",
                        scopes,
                        "teams",
                        List.of(team),
                        "expiresOn",
                        LocalDate.ofInstant(clock.instant(), LONDON)
                                .plusDays(30)
                                .toString(),
                        "callsPerMinute",
                        120)),
                admin);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Api.read(created).get("key").asString();
    }
}
