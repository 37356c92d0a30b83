package org.trackwell.medication;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.trackwell.identity.Accounts;
import org.trackwell.support.Api;
import org.trackwell.support.Https;
import org.trackwell.support.MutableClock;
import org.trackwell.support.PageSession;
import org.trackwell.support.TestPostgres;
import org.trackwell.support.TrackwellTest;
import org.trackwell.tenancy.Tenants;
import tools.jackson.databind.JsonNode;

/** The medication settings for which doses need a witness and how often controlled drugs are counted. */
@TrackwellTest
class WitnessingAndStockCountIT {

    @LocalServerPort
    int port;

    @Autowired
    Tenants tenants;

    @Autowired
    Accounts accounts;

    @Autowired
    MutableClock clock;

    Api api;
    String admin;
    String team;
    String manager;
    String managerEmail;
    String carer;
    String carerEmail;
    String witnessEmail;
    String code;

    @BeforeEach
    void service() {
        api = Api.newTenant(new Https(port), tenants, accounts, "witnessing");
        admin = api.signInAsAdmin();
        team = api.newTeam(admin, "Willow House");
        managerEmail = api.newUserInTeam(admin, "Mo Manager", team, "MANAGER");
        manager = api.signIn(managerEmail, Api.GOOD_PASSWORD);
        carerEmail = api.newUserInTeam(admin, "Cas Carer", team, "CARER");
        carer = api.signIn(carerEmail, Api.GOOD_PASSWORD);
        witnessEmail = api.newUserInTeam(admin, "Wyn Witness", team, "CARER");
        code = Api.read(api.post("/api/v1/clients", Api.json(Map.of("teamId", team)), manager))
                .get("code")
                .asString();
    }

    @Test
    void everyDoseNeedsAWitnessOnceTheServiceAsksForIt() {
        String prescription = asNeeded(medicine("Paracetamol", false));
        JsonNode before = Api.read(api.get("/api/v1/medication-settings", admin));
        assertThat(before.get("witnessedDoses").asString()).isEqualTo("CONTROLLED_DRUGS_ONLY");
        assertThat(before.get("stockCountDays").asInt()).isEqualTo(7);
        assertThat(give(prescription, null).statusCode())
                .as("by default only controlled drugs need a witness")
                .isEqualTo(201);
        assertThat(page("/medication/round?team=" + team)).doesNotContain("Needs a witness");

        assertThat(changeSettings("EVERY_DOSE", 7, admin).statusCode()).isEqualTo(200);
        clock.advance(Duration.ofHours(2));
        carer = api.signIn(carerEmail, Api.GOOD_PASSWORD);
        HttpResponse<String> alone = give(prescription, null);
        assertThat(alone.statusCode()).as(alone.body()).isEqualTo(400);
        assertThat(Api.read(alone).get("detail").asString()).contains("second member of staff");
        assertThat(page("/medication/round?team=" + team)).contains("Needs a witness", "Witness's e-mail");
        HttpResponse<String> witnessed =
                give(prescription, Map.of("email", witnessEmail, "password", Api.GOOD_PASSWORD));
        assertThat(witnessed.statusCode()).as(witnessed.body()).isEqualTo(201);
        assertThat(Api.read(witnessed).get("witnessId").asString()).isNotBlank();
        assertThat(settingChanges()).contains("medication-settings.witnessed-doses:CONTROLLED_DRUGS_ONLY->EVERY_DOSE");
    }

    @Test
    void asNeededDosesNeedAWitnessWhenChosenButRegularOnesDoNot() {
        String prescription = asNeeded(medicine("Lorazepam", false));
        assertThat(changeSettings("CONTROLLED_DRUGS_AND_AS_NEEDED", 7, admin).statusCode())
                .isEqualTo(200);
        assertThat(give(prescription, null).statusCode()).isEqualTo(400);
        assertThat(give(prescription, Map.of("email", witnessEmail, "password", Api.GOOD_PASSWORD))
                        .statusCode())
                .isEqualTo(201);
    }

    @Test
    void badValuesAndOtherRolesChangeNothing() {
        for (HttpResponse<String> refused : List.of(
                changeSettings("SOMETIMES", 7, admin),
                changeSettings("EVERY_DOSE", 0, admin),
                changeSettings("EVERY_DOSE", 32, admin))) {
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
            assertThat(refused.body()).doesNotContain("Exception", "at org.");
        }
        assertThat(changeSettings("EVERY_DOSE", 14, manager).statusCode()).isEqualTo(403);
        PageSession page = PageSession.signedIn(api, api.adminEmail(), Api.GOOD_PASSWORD);
        page.submit(
                "/admin/settings/medication",
                "timeZone",
                "Europe/London",
                "toleranceMinutes",
                "60",
                "prnEffectMinutes",
                "60",
                "lowStockDays",
                "7",
                "expiryWarningDays",
                "30",
                "witnessedDoses",
                "EVERY_DOSE",
                "stockCountDays",
                "40");
        assertThat(page.get("/admin/settings/medication").body()).contains("Nothing was changed", "value=\"40\"");
        PageSession managerPage = PageSession.signedIn(api, managerEmail, Api.GOOD_PASSWORD);
        assertThat(managerPage.get("/admin/settings/medication").statusCode()).isEqualTo(403);
        JsonNode settings = Api.read(api.get("/api/v1/medication-settings", admin));
        assertThat(settings.get("witnessedDoses").asString()).isEqualTo("CONTROLLED_DRUGS_ONLY");
        assertThat(settings.get("stockCountDays").asInt()).isEqualTo(7);

        page.submit(
                "/admin/settings/medication",
                "timeZone",
                "Europe/London",
                "toleranceMinutes",
                "60",
                "prnEffectMinutes",
                "60",
                "lowStockDays",
                "7",
                "expiryWarningDays",
                "30",
                "witnessedDoses",
                "CONTROLLED_DRUGS_AND_AS_NEEDED",
                "stockCountDays",
                "3");
        assertThat(page.get("/admin/settings/medication").body()).contains("Saved");
        assertThat(settingChanges())
                .contains(
                        "medication-settings.witnessed-doses:CONTROLLED_DRUGS_ONLY->CONTROLLED_DRUGS_AND_AS_NEEDED",
                        "medication-settings.stock-count-days:7->3");
    }

    @Test
    void aControlledDrugsStockIsDueACountOnceItsLastCountIsOlderThanTheInterval() {
        String medicine = medicine("Oxycodone", true);
        String ordinary = medicine("Senna", false);
        Map<String, Object> witness = Map.of("email", witnessEmail, "password", Api.GOOD_PASSWORD);
        String stock = "/api/v1/clients/" + code + "/stock";
        assertThat(api.post(
                                stock + "/receipts",
                                Api.json(Map.of("medicineId", medicine, "quantity", "50", "witness", witness)),
                                carer)
                        .statusCode())
                .isEqualTo(201);
        assertThat(api.post(stock + "/receipts", Api.json(Map.of("medicineId", ordinary, "quantity", "50")), carer)
                        .statusCode())
                .isEqualTo(201);
        assertThat(line(medicine).get("countDue").asBoolean()).isFalse();

        advanceDays(7);
        assertThat(line(medicine).get("countDue").asBoolean()).isTrue();
        assertThat(line(ordinary).get("countDue").asBoolean())
                .as("only controlled drugs")
                .isFalse();
        assertThat(page("/clients/" + code + "/medication")).contains("Stock count due: not counted since it arrived");

        assertThat(api.post(
                                stock + "/counts",
                                Api.json(Map.of("medicineId", medicine, "counted", "50", "witness", witness)),
                                carer)
                        .statusCode())
                .isEqualTo(201);
        JsonNode counted = line(medicine);
        assertThat(counted.get("countDue").asBoolean()).isFalse();
        assertThat(counted.get("lastCounted").asString()).isNotBlank();
        assertThat(page("/clients/" + code + "/medication")).doesNotContain("Stock count due");

        assertThat(changeSettings("CONTROLLED_DRUGS_ONLY", 3, admin).statusCode())
                .isEqualTo(200);
        advanceDays(3);
        assertThat(line(medicine).get("countDue").asBoolean()).isTrue();
        assertThat(page("/clients/" + code + "/medication")).contains("Stock count due: last counted");
    }

    private JsonNode line(String medicine) {
        for (JsonNode line : Api.read(api.get("/api/v1/clients/" + code + "/stock", carer))) {
            if (line.get("medicine").get("id").asString().equals(medicine)) {
                return line;
            }
        }
        throw new AssertionError("no stock of " + medicine);
    }

    /** Moves time on; sessions idle that long have ended, so everyone signs in again. */
    private void advanceDays(int days) {
        clock.advance(Duration.ofDays(days));
        admin = api.signInAsAdmin();
        carer = api.signIn(carerEmail, Api.GOOD_PASSWORD);
    }

    private HttpResponse<String> changeSettings(String witnessed, int countDays, String token) {
        Map<String, Object> body = new HashMap<>(Map.of(
                "timeZone", "Europe/London",
                "toleranceMinutes", 60,
                "prnEffectMinutes", 60,
                "lowStockDays", 7,
                "expiryWarningDays", 30));
        body.put("witnessedDoses", witnessed);
        body.put("stockCountDays", countDays);
        return api.put("/api/v1/medication-settings", Api.json(body), token);
    }

    private HttpResponse<String> give(String prescription, Map<String, Object> witness) {
        Map<String, Object> body = new HashMap<>(
                Map.of("prescriptionId", prescription, "outcome", "GIVEN", "amount", "1", "personConfirmed", true));
        if (witness != null) {
            body.put("witness", witness);
        }
        return api.post("/api/v1/clients/" + code + "/doses", Api.json(body), carer);
    }

    private String page(String path) {
        HttpResponse<String> response =
                api.https().get(api.host(), path, "Cookie", "__Host-trackwell-session=" + carer);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    private String medicine(String name, boolean controlled) {
        return NewMedicines.add(api, manager, name, controlled ? 2 : null);
    }

    private String asNeeded(String medicine) {
        return NewMedicines.prescribeAsNeeded(
                api, manager, code, medicine, LocalDate.now(ZoneId.of("Europe/London")), 60);
    }

    private List<String> settingChanges() {
        return JdbcClient.create(TestPostgres.asSuperuser())
                .sql("select target from audit_event where tenant_id = :t and action = 'setting.changed'")
                .param("t", api.tenant().id().value())
                .query(String.class)
                .list();
    }
}
