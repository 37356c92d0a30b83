package org.trackwell.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.trackwell.identity.Accounts;
import org.trackwell.support.Api;
import org.trackwell.support.Https;
import org.trackwell.support.MutableClock;
import org.trackwell.support.TrackwellTest;
import org.trackwell.tenancy.Tenants;
import tools.jackson.databind.JsonNode;

/**
 * The medication reports against doses recorded by hand (below), their reach (managers, their own
 * teams only), their downloads, and refusals of bad filters.
 */
@TrackwellTest
class MedicationReportIT {

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
    String team;
    String managerEmail;
    String carerEmail;
    String otherManagerEmail;
    String manager;
    String carer;
    String first;
    String second;
    String period;
    String metforminMedicine;

    /**
     * Two clients of Willow House, each with one regular dose a day, due two hours after the
     * prescription was written and then a day and two days later:
     *
     * <pre>
     * first  (Sertraline 50 mg tablet): given, not given (refused), missed (nothing recorded)
     * second (Metformin 500 mg tablet): given, not given (asleep), given
     * </pre>
     *
     * By client: first 3 due, 1 given, 1 not given, 1 missed, 33.3%; second 3 due, 2 given, 1 not
     * given, 66.7%. By team: Willow House 6 due, 3 given, 2 not given, 1 missed, 50%. By medicine:
     * as by client. Not given or missed: three doses.
     */
    @BeforeEach
    void service() {
        api = Api.newTenant(new Https(port), tenants, accounts, "medreports");
        String admin = api.signInAsAdmin();
        team = api.newTeam(admin, "Willow House");
        String otherTeam = api.newTeam(admin, "Oak House");
        managerEmail = api.newUserInTeam(admin, "Mo Manager", team, "MANAGER");
        carerEmail = api.newUserInTeam(admin, "Cas Carer", team, "CARER");
        otherManagerEmail = api.newUserInTeam(admin, "Olu Other", otherTeam, "MANAGER");
        signIn();
        first = client();
        second = client();
        Instant written = clock.instant();
        Instant due = ZonedDateTime.ofInstant(written.plus(Duration.ofHours(2)), LONDON)
                .truncatedTo(ChronoUnit.MINUTES)
                .toInstant();
        String sertraline = regular(first, medicine("Sertraline", "50 mg"), due);
        metforminMedicine = medicine("Metformin", "500 mg");
        String metformin = regular(second, metforminMedicine, due);
        LocalDate day = LocalDate.ofInstant(written, LONDON);
        period = "from=" + day + "&to=" + day.plusDays(3);

        advance(Duration.ofHours(2));
        dose(first, sertraline, due, "GIVEN", null);
        dose(second, metformin, due, "GIVEN", null);
        advance(Duration.ofHours(24));
        dose(first, sertraline, due.plus(Duration.ofDays(1)), "NOT_GIVEN", "REFUSED");
        dose(second, metformin, due.plus(Duration.ofDays(1)), "NOT_GIVEN", "ASLEEP");
        advance(Duration.ofHours(24));
        dose(second, metformin, due.plus(Duration.ofDays(2)), "GIVEN", null);
        advance(Duration.ofHours(1));
    }

    @Test
    void adherenceMatchesTheHandComputedFixture() {
        assertThat(lines(get("/api/v1/reports/medication/adherence?" + period, manager)))
                .containsExactlyInAnyOrder(first + " 3 1 1 1 33.3", second + " 3 2 1 0 66.7");
        assertThat(lines(get("/api/v1/reports/medication/adherence?by=team&" + period, manager)))
                .containsExactly("Willow House 6 3 2 1 50.0");
        assertThat(lines(get("/api/v1/reports/medication/adherence?by=medicine&team=" + team + "&" + period, manager)))
                .containsExactly("Metformin 500 mg tablet 3 2 1 0 66.7", "Sertraline 50 mg tablet 3 1 1 1 33.3");
        assertThat(api.auditActions()).contains("report.viewed");
    }

    @Test
    void coversOneMedicineWhenAskedFor() {
        String one = "medicine=" + metforminMedicine + "&" + period;
        assertThat(lines(get("/api/v1/reports/medication/adherence?by=team&" + one, manager)))
                .containsExactly("Willow House 3 2 1 0 66.7");
        JsonNode missed = get("/api/v1/reports/medication/missed-doses?" + one, manager);
        assertThat(missed.get("doses")).hasSize(1);
        assertThat(missed.get("filter").get("medicine").asString()).isEqualTo(metforminMedicine);
        assertThat(new String(export(
                                        manager,
                                        Map.of(
                                                "report",
                                                "missed-doses",
                                                "format",
                                                "csv",
                                                "medicine",
                                                metforminMedicine))
                                .body())
                        .lines())
                .hasSize(2);
    }

    @Test
    void listsTheDosesNotGivenWithWhy() {
        List<String> doses = new ArrayList<>();
        get("/api/v1/reports/medication/missed-doses?" + period, manager)
                .get("doses")
                .forEach(d -> doses.add(
                        d.get("client").asString() + " " + d.get("why").asString()));
        assertThat(doses)
                .containsExactlyInAnyOrder(
                        first + " Not given: refused",
                        first + " Missed: nothing recorded",
                        second + " Not given: asleep");
    }

    /** Two as-needed doses of Lorazepam to the first client: one that helped, one too soon, given over the limits. */
    @Test
    void countsAsNeededUseEffectAndDosesBeyondTheLimits() {
        Map<String, Object> body = new HashMap<>();
        body.put("medicineId", medicine("Lorazepam", "1 mg"));
        body.put("dose", "1");
        body.put("unit", "tablets");
        body.put(
                "startsOn",
                LocalDate.ofInstant(clock.instant(), LONDON).minusDays(1).toString());
        body.put("prescriber", "Dr A Example");
        body.put("kind", "PRN");
        body.put(
                "prn",
                Map.of(
                        "indication",
                        "Agitation",
                        "minDose",
                        "1",
                        "maxDose",
                        "2",
                        "minIntervalMinutes",
                        240,
                        "maxDosesPerDay",
                        3));
        HttpResponse<String> created = api.post("/api/v1/clients/" + first + "/prescriptions", Api.json(body), manager);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String prescription = Api.read(created).get("id").asString();
        HttpResponse<String> helped = api.post(
                "/api/v1/clients/" + first + "/doses",
                Api.json(Map.of(
                        "prescriptionId", prescription, "outcome", "GIVEN", "amount", "1", "personConfirmed", true)),
                carer);
        assertThat(helped.statusCode()).as(helped.body()).isEqualTo(201);
        HttpResponse<String> effect = api.post(
                "/api/v1/clients/" + first + "/doses/"
                        + Api.read(helped).get("id").asString() + "/effect",
                Api.json(Map.of("effect", "HELPED")),
                carer);
        assertThat(effect.statusCode()).as(effect.body()).isLessThan(300);
        HttpResponse<String> tooSoon = api.post(
                "/api/v1/clients/" + first + "/doses",
                Api.json(Map.of(
                        "prescriptionId", prescription,
                        "outcome", "GIVEN",
                        "amount", "1",
                        "personConfirmed", true,
                        "overrideReason", "Still very distressed after an hour")),
                manager);
        assertThat(tooSoon.statusCode()).as(tooSoon.body()).isEqualTo(201);

        JsonNode use =
                get("/api/v1/reports/medication/as-needed?" + period, manager).get("lines");
        assertThat(use).hasSize(1);
        assertThat(use.get(0).get("client").asString()).isEqualTo(first);
        assertThat(use.get(0).get("medicine").asString()).isEqualTo("Lorazepam 1 mg tablet");
        assertThat(List.of(
                        use.get(0).get("given").asInt(),
                        use.get(0).get("helped").asInt(),
                        use.get(0).get("notRecorded").asInt(),
                        use.get(0).get("overLimits").asInt()))
                .containsExactly(2, 1, 1, 1);
        JsonNode over = get("/api/v1/reports/medication/prn-overrides?" + period, manager)
                .get("doses");
        assertThat(over).hasSize(1);
        assertThat(over.get(0).get("effect").asString()).isEqualTo("not recorded");
        String other = api.signIn(otherManagerEmail, Api.GOOD_PASSWORD);
        assertThat(get("/api/v1/reports/medication/as-needed?" + period, other).get("lines"))
                .isEmpty();
        assertThat(get("/api/v1/reports/medication/prn-overrides?" + period, other)
                        .get("doses"))
                .isEmpty();
        String csv = new String(export(manager, Map.of("report", "prn-overrides", "format", "csv"))
                .body());
        assertThat(csv).contains(first, "Lorazepam 1 mg tablet").doesNotContain("distressed");
    }

    @Test
    void aManagerOfAnotherTeamGetsNothingAndCarersHaveNoReport() {
        String other = api.signIn(otherManagerEmail, Api.GOOD_PASSWORD);
        assertThat(lines(get("/api/v1/reports/medication/adherence?" + period, other)))
                .isEmpty();
        assertThat(get("/api/v1/reports/medication/missed-doses?" + period, other)
                        .get("doses"))
                .isEmpty();
        assertThat(api.get("/api/v1/reports/medication/adherence?team=" + team + "&" + period, other)
                        .statusCode())
                .isEqualTo(400);
        String csv = new String(
                export(other, Map.of("report", "missed-doses", "format", "csv")).body());
        assertThat(csv.lines()).hasSize(1);
        assertThat(api.get("/api/v1/reports/medication/adherence?" + period, carer)
                        .statusCode())
                .isEqualTo(403);
        assertThat(export(carer, Map.of("report", "adherence", "format", "csv")).statusCode())
                .isEqualTo(403);
    }

    @Test
    void downloadsOpenWithTheFigures() throws Exception {
        HttpResponse<byte[]> csv = export(manager, Map.of("report", "adherence", "format", "csv", "by", "team"));
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(new String(csv.body())).contains("Willow House,6,3,2,1,50");
        HttpResponse<byte[]> xlsx = export(manager, Map.of("report", "missed-doses", "format", "xlsx"));
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(5).getStringCellValue()).isEqualTo("What happened");
            List<String> whys = new ArrayList<>();
            for (Row row : sheet) {
                if (row.getRowNum() > 0) {
                    whys.add(row.getCell(0).getStringCellValue() + " "
                            + row.getCell(5).getStringCellValue());
                }
            }
            assertThat(whys).contains(first + " Missed: nothing recorded").hasSize(3);
        }
    }

    @Test
    void refusesBadFiltersWithAProblem() {
        for (String bad : List.of(
                "/api/v1/reports/medication/adherence?from=2026-05-01&to=2026-04-01",
                "/api/v1/reports/medication/adherence?by=nurse",
                "/api/v1/reports/medication/adherence?team=not-a-team",
                "/api/v1/reports/medication/missed-doses?from=1800-01-01")) {
            HttpResponse<String> refused = api.get(bad, manager);
            assertThat(refused.statusCode()).as(bad).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type").orElseThrow())
                    .as(bad)
                    .startsWith("application/problem+json");
        }
        assertThat(export(manager, Map.of("report", "everything", "format", "csv"))
                        .statusCode())
                .isEqualTo(400);
        HttpResponse<String> page = api.https()
                .get(
                        api.host(),
                        "/reports/medication?by=nurse&" + period,
                        "Cookie",
                        "__Host-trackwell-session=" + manager);
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("by client, team or medicine");
    }

    private List<String> lines(JsonNode report) {
        List<String> lines = new ArrayList<>();
        report.get("lines")
                .forEach(l -> lines.add(l.get("name").asString() + " "
                        + l.get("due").asInt() + " "
                        + l.get("given").asInt() + " " + l.get("notGiven").asInt() + " "
                        + l.get("missed").asInt() + " " + l.get("percent").asDouble()));
        return lines;
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

    /** Moves time on; sessions idle that long have ended, so everyone signs in again. */
    private void advance(Duration duration) {
        clock.advance(duration);
        signIn();
    }

    private String client() {
        HttpResponse<String> client = api.post("/api/v1/clients", Api.json(Map.of("teamId", team)), manager);
        assertThat(client.statusCode()).as(client.body()).isEqualTo(201);
        return Api.read(client).get("code").asString();
    }

    private String medicine(String name, String strength) {
        HttpResponse<String> added = api.post(
                "/api/v1/medicines",
                Api.json(Map.of("name", name, "form", "tablet", "strength", strength, "route", "oral")),
                manager);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        return Api.read(added).get("id").asString();
    }

    private String regular(String code, String medicine, Instant due) {
        Map<String, Object> body = new HashMap<>();
        body.put("medicineId", medicine);
        body.put("dose", "1");
        body.put("unit", "tablets");
        body.put(
                "startsOn",
                LocalDate.ofInstant(clock.instant(), LONDON).minusDays(1).toString());
        body.put("prescriber", "Dr A Example");
        body.put("kind", "REGULAR");
        body.put(
                "schedule",
                Map.of(
                        "kind",
                        "TIMES_OF_DAY",
                        "times",
                        List.of(due.atZone(LONDON).toLocalTime().toString())));
        HttpResponse<String> created = api.post("/api/v1/clients/" + code + "/prescriptions", Api.json(body), manager);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Api.read(created).get("id").asString();
    }

    private void dose(String code, String prescription, Instant due, String outcome, String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("prescriptionId", prescription);
        body.put("dueAt", due.toString());
        body.put("outcome", outcome);
        body.put("personConfirmed", true);
        if (reason != null) {
            body.put("reason", reason);
        }
        HttpResponse<String> recorded = api.post("/api/v1/clients/" + code + "/doses", Api.json(body), carer);
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
    }
}
