package org.trackwell.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.trackwell.identity.Accounts;
import org.trackwell.medication.NewMedicines;
import org.trackwell.support.Api;
import org.trackwell.support.Https;
import org.trackwell.support.MutableClock;
import org.trackwell.support.TrackwellTest;
import org.trackwell.tenancy.Tenants;
import tools.jackson.databind.JsonNode;

/**
 * The controlled-drug register and the stock discrepancies against stock recorded by hand (below),
 * their reach (managers, their own teams only), the medicine filter, and their downloads.
 */
@TrackwellTest
class StockReportIT {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @LocalServerPort
    int port;

    @Autowired
    Tenants tenants;

    @Autowired
    Accounts accounts;

    @Autowired
    MutableClock clock;

    Api api;
    String managerEmail;
    String carerEmail;
    String witnessEmail;
    String otherManagerEmail;
    String manager;
    String carer;
    String code;
    String oxycodone;
    String paracetamol;
    String period;

    /**
     * One client of Willow House. Two days before the period: 100 Oxycodone 5 mg tablets received
     * (batch B1, witnessed). In the period: one tablet given as needed (witnessed) and then
     * corrected to not given (the tablet back in stock), 10 destroyed, a count of 90 (matching), a
     * count of 89 (one short: its alert acknowledged by the manager);
     * 20 Paracetamol tablets received and a count of 19 (one short, not acknowledged).
     */
    @BeforeEach
    void service() {
        api = Api.newTenant(new Https(port), tenants, accounts, "stockreports");
        String admin = api.signInAsAdmin();
        String team = api.newTeam(admin, "Willow House");
        String otherTeam = api.newTeam(admin, "Oak House");
        managerEmail = api.newUserInTeam(admin, "Mo Manager", team, "MANAGER");
        carerEmail = api.newUserInTeam(admin, "Cas Carer", team, "CARER");
        witnessEmail = api.newUserInTeam(admin, "Wyn Witness", team, "CARER");
        otherManagerEmail = api.newUserInTeam(admin, "Olu Other", otherTeam, "MANAGER");
        signIn();
        HttpResponse<String> client = api.post("/api/v1/clients", Api.json(Map.of("teamId", team)), manager);
        assertThat(client.statusCode()).as(client.body()).isEqualTo(201);
        code = Api.read(client).get("code").asString();
        oxycodone = medicine("Oxycodone", true);
        paracetamol = medicine("Paracetamol", false);
        String prescription = asNeeded(oxycodone);
        LocalDate day = LocalDate.ofInstant(clock.instant(), LONDON);
        period = "from=" + day.plusDays(2) + "&to=" + day.plusDays(3);

        stock("receipts", Map.of("medicineId", oxycodone, "quantity", "100", "batch", "B1", "witness", witness()));
        clock.advance(Duration.ofDays(2));
        signIn();
        HttpResponse<String> given = api.post(
                "/api/v1/clients/" + code + "/doses",
                Api.json(Map.of(
                        "prescriptionId",
                        prescription,
                        "outcome",
                        "GIVEN",
                        "amount",
                        "1",
                        "personConfirmed",
                        true,
                        "witness",
                        witness())),
                carer);
        assertThat(given.statusCode()).as(given.body()).isEqualTo(201);
        HttpResponse<String> corrected = api.post(
                "/api/v1/clients/" + code + "/doses/"
                        + Api.read(given).get("id").asString() + "/corrections",
                Api.json(Map.of(
                        "outcome", "NOT_GIVEN", "reason", "REFUSED", "correctionReason", "Spat out before swallowing")),
                carer);
        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(201);
        stock(
                "removals",
                Map.of(
                        "medicineId",
                        oxycodone,
                        "kind",
                        "DISPOSAL",
                        "quantity",
                        "10",
                        "reason",
                        "Dropped and spoiled",
                        "witness",
                        witness()));
        stock("counts", Map.of("medicineId", oxycodone, "counted", "90", "witness", witness()));
        stock("counts", Map.of("medicineId", oxycodone, "counted", "89", "witness", witness()));
        stock("receipts", Map.of("medicineId", paracetamol, "quantity", "20"));
        stock("counts", Map.of("medicineId", paracetamol, "counted", "19"));
        for (JsonNode alert : Api.read(api.get("/api/v1/medication/alerts", manager))) {
            if (alert.toString().contains("Oxycodone")) {
                assertThat(api.post(
                                        "/api/v1/medication/alerts/"
                                                + alert.get("id").asString() + "/acknowledge",
                                        "{}",
                                        manager)
                                .statusCode())
                        .isEqualTo(204);
            }
        }
    }

    @Test
    void theRegisterReadsAsThePaperOneWithTheBalanceBroughtForward() {
        List<String> lines = new ArrayList<>();
        get("/api/v1/reports/medication/controlled-drugs?" + period, manager)
                .get("lines")
                .forEach(l -> lines.add(String.join(
                        " | ",
                        l.get("medicine").asString(),
                        l.get("client").asString(),
                        l.get("entry").asString(),
                        number(l.get("in")),
                        number(l.get("out")),
                        number(l.get("counted")),
                        number(l.get("balance")),
                        l.get("recordedBy").asString(),
                        l.get("witness").asString())));
        String oxy = "Oxycodone 5 mg tablet | " + code + " | ";
        assertThat(lines)
                .containsExactly(
                        oxy + "Balance brought forward |  |  |  | 100 |  | ",
                        oxy + "Given |  | 1 |  | 99 | Cas Carer | Wyn Witness",
                        oxy + "Dose corrected | 1 |  |  | 100 | Cas Carer | ",
                        oxy + "Destroyed |  | 10 |  | 90 | Cas Carer | Wyn Witness",
                        oxy + "Counted |  |  | 90 | 90 | Cas Carer | Wyn Witness",
                        oxy + "Counted |  |  | 89 | 90 | Cas Carer | Wyn Witness");
        assertThat(api.auditActions()).contains("report.viewed");
    }

    @Test
    void listsTheCountsThatDifferedWithWhatWasRecorded() {
        List<String> counts = new ArrayList<>();
        get("/api/v1/reports/medication/stock-discrepancies?" + period, manager)
                .get("counts")
                .forEach(c -> counts.add(String.join(
                        " | ",
                        c.get("client").asString(),
                        c.get("medicine").asString(),
                        number(c.get("recordHeld")),
                        number(c.get("counted")),
                        number(c.get("difference")),
                        c.get("countedBy").asString(),
                        c.get("witness").asString(),
                        c.get("followUp").asString().replaceAll(" on .*", ""))));
        assertThat(counts)
                .containsExactlyInAnyOrder(
                        code + " | Oxycodone 5 mg tablet | 90 | 89 | -1 | Cas Carer | Wyn Witness"
                                + " | Alert acknowledged by Mo Manager",
                        code + " | Paracetamol 5 mg tablet | 20 | 19 | -1 | Cas Carer |  | Alert not yet acknowledged");
        JsonNode one = get(
                        "/api/v1/reports/medication/stock-discrepancies?medicine=" + paracetamol + "&" + period,
                        manager)
                .get("counts");
        assertThat(one).hasSize(1);
        assertThat(one.get(0).get("medicine").asString()).isEqualTo("Paracetamol 5 mg tablet");
    }

    @Test
    void onlyManagersOfTheClientsTeamSeeTheStockReports() {
        String other = api.signIn(otherManagerEmail, Api.GOOD_PASSWORD);
        assertThat(get("/api/v1/reports/medication/controlled-drugs?" + period, other)
                        .get("lines"))
                .isEmpty();
        assertThat(get("/api/v1/reports/medication/stock-discrepancies?" + period, other)
                        .get("counts"))
                .isEmpty();
        assertThat(api.get("/api/v1/reports/medication/controlled-drugs?" + period, carer)
                        .statusCode())
                .isEqualTo(403);
        assertThat(export(carer, Map.of("report", "stock-discrepancies", "format", "csv"))
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void downloadsAndPagesShowTheRegisterWithoutWhyStockLeft() {
        HttpResponse<byte[]> csv = export(manager, Map.of("report", "controlled-drugs", "format", "csv"));
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(new String(csv.body()))
                .contains("Balance brought forward", "Destroyed", "Wyn Witness")
                .doesNotContain("spoiled");
        HttpResponse<byte[]> pdf = export(manager, Map.of("report", "stock-discrepancies", "format", "pdf"));
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5)).isEqualTo("%PDF-");
        for (String page : List.of("controlled-drugs", "stock-discrepancies")) {
            HttpResponse<String> shown = api.https()
                    .get(
                            api.host(),
                            "/reports/medication/" + page + "?" + period,
                            "Cookie",
                            "__Host-trackwell-session=" + manager);
            assertThat(shown.statusCode()).as(page).isEqualTo(200);
            assertThat(shown.body()).as(page).contains("Oxycodone 5 mg tablet", code);
        }
    }

    private static String number(JsonNode node) {
        return node == null || node.isNull()
                ? ""
                : new BigDecimal(node.asString()).stripTrailingZeros().toPlainString();
    }

    private Map<String, Object> witness() {
        return Map.of("email", witnessEmail, "password", Api.GOOD_PASSWORD);
    }

    private void stock(String kind, Map<String, Object> body) {
        HttpResponse<String> recorded = api.post("/api/v1/clients/" + code + "/stock/" + kind, Api.json(body), carer);
        assertThat(recorded.statusCode()).as(kind + " " + recorded.body()).isEqualTo(201);
    }

    private JsonNode get(String path, String token) {
        HttpResponse<String> response = api.get(path, token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Api.read(response);
    }

    private HttpResponse<byte[]> export(String token, Map<String, String> fields) {
        Map<String, Object> body = new HashMap<>(fields);
        String[] dates = period.replace("from=", "").replace("to=", "").split("&");
        body.put("from", dates[0]);
        body.put("to", dates[1]);
        return api.https()
                .sendForBytes(api.https()
                        .request(api.host(), "/api/v1/reports/medication/export", "Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(Api.json(body)))
                        .build());
    }

    private void signIn() {
        manager = api.signIn(managerEmail, Api.GOOD_PASSWORD);
        carer = api.signIn(carerEmail, Api.GOOD_PASSWORD);
    }

    private String medicine(String name, boolean controlled) {
        return NewMedicines.add(api, manager, name, controlled ? 2 : null);
    }

    private String asNeeded(String medicine) {
        return NewMedicines.prescribeAsNeeded(
                api, manager, code, medicine, LocalDate.ofInstant(clock.instant(), LONDON), 240);
    }
}
