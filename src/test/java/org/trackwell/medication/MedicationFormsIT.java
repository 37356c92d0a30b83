package org.trackwell.medication;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.trackwell.identity.Accounts;
import org.trackwell.support.Api;
import org.trackwell.support.Https;
import org.trackwell.support.MutableClock;
import org.trackwell.support.PageSession;
import org.trackwell.support.TrackwellTest;
import org.trackwell.tenancy.Tenants;

/**
 * The medication forms as a browser without script posts them: on any error, refused by a rule
 * or malformed, the form comes back with what was typed and the medicine chosen, never a password.
 */
@TrackwellTest
class MedicationFormsIT {

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
    String manager;
    String managerEmail;
    String carerEmail;
    String witnessEmail;
    String code;
    String controlled;
    String sertraline;

    @BeforeEach
    void service() {
        api = Api.newTenant(new Https(port), tenants, accounts, "forms");
        String admin = api.signInAsAdmin();
        team = api.newTeam(admin, "Willow House");
        managerEmail = api.newUserInTeam(admin, "Mo Manager", team, "MANAGER");
        manager = api.signIn(managerEmail, Api.GOOD_PASSWORD);
        carerEmail = api.newUserInTeam(admin, "Cas Carer", team, "CARER");
        witnessEmail = api.newUserInTeam(admin, "Wyn Witness", team, "CARER");
        code = Api.read(api.post("/api/v1/clients", Api.json(Map.of("teamId", team)), manager))
                .get("code")
                .asString();
        controlled = medicine("Diazepam", true);
        sertraline = medicine("Sertraline", false);
    }

    @Test
    void thePrescriptionFormKeepsWhatWasTypedAndTheChosenMedicineWhenATimeIsMalformed() {
        PageSession pages = PageSession.signedIn(api, managerEmail, Api.GOOD_PASSWORD);
        String page = "/clients/" + code + "/medication";
        assertThat(selected(pages.get(page).body(), "medicineId"))
                .as("no medicine is chosen until the prescriber chooses one")
                .isEmpty();

        String html = afterError(
                pages,
                pages.submitFrom(
                        page,
                        page + "/prescriptions",
                        "medicineId",
                        sertraline,
                        "dose",
                        "1",
                        "unit",
                        "tablet",
                        "kind",
                        "REGULAR",
                        "times",
                        "8am",
                        "days",
                        "MON, THU",
                        "startsOn",
                        LocalDate.now(LONDON).toString(),
                        "endsOn",
                        "",
                        "prescriber",
                        "Dr A Example",
                        "instructions",
                        "With breakfast",
                        "toleranceMinutes",
                        ""));

        assertThat(html).contains("Check the form");
        assertThat(selected(html, "medicineId"))
                .as("the medicine chosen, not the first")
                .isEqualTo(sertraline);
        assertThat(value(html, "dose")).isEqualTo("1");
        assertThat(value(html, "unit")).isEqualTo("tablet");
        assertThat(value(html, "times")).isEqualTo("8am");
        assertThat(value(html, "days")).isEqualTo("MON, THU");
        assertThat(value(html, "prescriber")).isEqualTo("Dr A Example");
        assertThat(value(html, "instructions")).isEqualTo("With breakfast");
        assertThat(html).doesNotContain("id=\"prescription-acknowledge\"");
    }

    @Test
    void thePrescriptionFormKeepsAnAsNeededPrescriptionThatBreaksARule() {
        PageSession pages = PageSession.signedIn(api, managerEmail, Api.GOOD_PASSWORD);
        String page = "/clients/" + code + "/medication";

        String html = afterError(
                pages,
                pages.submitFrom(
                        page,
                        page + "/prescriptions",
                        "medicineId",
                        controlled,
                        "dose",
                        "2",
                        "unit",
                        "mg",
                        "kind",
                        "PRN",
                        "indication",
                        "Agitation",
                        "minDose",
                        "5",
                        "maxDose",
                        "1",
                        "minIntervalMinutes",
                        "240",
                        "maxDosesPerDay",
                        "2",
                        "startsOn",
                        LocalDate.now(LONDON).toString(),
                        "prescriber",
                        "Dr A Example"));

        assertThat(html).contains("The prescription cannot be used.", "An as-needed prescription needs");
        assertThat(selected(html, "medicineId")).isEqualTo(controlled);
        assertThat(selected(html, "kind")).isEqualTo("PRN");
        assertThat(value(html, "indication")).isEqualTo("Agitation");
        assertThat(value(html, "minDose")).isEqualTo("5");
        assertThat(value(html, "maxDose")).isEqualTo("1");
        assertThat(value(html, "minIntervalMinutes")).isEqualTo("240");
        assertThat(value(html, "maxDosesPerDay")).isEqualTo("2");
        assertThat(Api.read(api.get("/api/v1/clients/" + code + "/prescriptions", manager)))
                .isEmpty();
    }

    @Test
    void theRoundKeepsTheAmountAndWitnessOfARefusedDoseButNeverThePassword() {
        String prescription = asNeeded(controlled);
        PageSession pages = PageSession.signedIn(api, carerEmail, Api.GOOD_PASSWORD);
        String round = "/medication/round?team=" + team;

        String html = afterError(
                pages,
                pages.submitFrom(
                        round,
                        "/medication/round/doses",
                        "client",
                        code,
                        "team",
                        team,
                        "prescription",
                        prescription,
                        "outcome",
                        "GIVEN",
                        "amount",
                        "3",
                        "witnessEmail",
                        witnessEmail,
                        "witnessPassword",
                        "not the witness's password",
                        "personConfirmed",
                        "true"));

        assertThat(html).contains("Nothing was recorded.");
        assertThat(value(html, "amount-" + prescription)).isEqualTo("3");
        assertThat(value(html, "prn-witness-" + prescription)).isEqualTo(witnessEmail);
        assertThat(html).doesNotContain("not the witness");
    }

    @Test
    void theRoundKeepsTheReasonADoseWasNotGivenWhenTheNoteIsMissing() {
        Instant due = clock.instant().plus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.MINUTES);
        ZonedDateTime local = due.atZone(LONDON);
        String prescription = regular(sertraline, local);
        PageSession pages = PageSession.signedIn(api, carerEmail, Api.GOOD_PASSWORD);
        String round = "/medication/round?team=" + team;

        String html = afterError(
                pages,
                pages.submitFrom(
                        round,
                        "/medication/round/doses",
                        "client",
                        code,
                        "team",
                        team,
                        "prescription",
                        prescription,
                        "dueAt",
                        due.toString(),
                        "outcome",
                        "NOT_GIVEN",
                        "reason",
                        "OTHER",
                        "note",
                        "",
                        "personConfirmed",
                        "true"));

        assertThat(html).contains("Say what the other reason was in the note.");
        assertThat(selected(html, "reason-" + prescription + due.getEpochSecond()))
                .isEqualTo("OTHER");
        assertThat(html).as("the not-given form is open").contains("<details class=\"not-given\" open=\"open\">");
    }

    @Test
    void theStockFormKeepsTheMedicineActionAndQuantityOnAnError() {
        PageSession pages = PageSession.signedIn(api, carerEmail, Api.GOOD_PASSWORD);
        String page = "/clients/" + code + "/medication";

        String html = afterError(
                pages,
                pages.submitFrom(
                        page,
                        page + "/stock",
                        "medicine",
                        controlled,
                        "action",
                        "RECEIPT",
                        "quantity",
                        "28",
                        "batch",
                        "B123",
                        "expiresOn",
                        LocalDate.now(LONDON).plusMonths(6).toString(),
                        "witnessEmail",
                        ""));

        assertThat(html).contains("needs a second member of staff");
        assertThat(selected(html, "stock-medicine")).isEqualTo(controlled);
        assertThat(selected(html, "action")).isEqualTo("RECEIPT");
        assertThat(value(html, "quantity")).isEqualTo("28");
        assertThat(value(html, "batch")).isEqualTo("B123");
        assertThat(value(html, "expiresOn"))
                .isEqualTo(LocalDate.now(LONDON).plusMonths(6).toString());

        html = afterError(
                pages,
                pages.submitFrom(
                        page,
                        page + "/stock",
                        "medicine",
                        sertraline,
                        "action",
                        "DISPOSAL",
                        "quantity",
                        "two",
                        "reason",
                        "Dropped"));
        assertThat(html).contains("Check the form");
        assertThat(selected(html, "stock-medicine")).isEqualTo(sertraline);
        assertThat(selected(html, "action")).isEqualTo("DISPOSAL");
        assertThat(value(html, "quantity")).isEqualTo("two");
        assertThat(value(html, "stock-reason")).isEqualTo("Dropped");
    }

    @Test
    void theAddMedicineFormKeepsWhatWasTypedWhenTheMedicineIsThereAlready() {
        PageSession pages = PageSession.signedIn(api, managerEmail, Api.GOOD_PASSWORD);

        String html = afterError(
                pages,
                pages.submit(
                        "/medication/medicines",
                        "name",
                        "Diazepam",
                        "form",
                        "tablet",
                        "strength",
                        "5 mg",
                        "route",
                        "oral",
                        "cdSchedule",
                        "4",
                        "notes",
                        "Keep in the CD cupboard"));

        assertThat(html).contains("The service already has Diazepam 5 mg tablet.");
        assertThat(value(html, "name")).isEqualTo("Diazepam");
        assertThat(value(html, "strength")).isEqualTo("5 mg");
        assertThat(selected(html, "cdSchedule")).isEqualTo("4");
        assertThat(value(html, "notes")).isEqualTo("Keep in the CD cupboard");
    }

    /** Follows a form's redirect back to its page, as the browser would. */
    private static String afterError(PageSession pages, HttpResponse<String> posted) {
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302);
        String location = posted.headers().firstValue("Location").orElseThrow();
        String path = location.replaceFirst("^https://[^/]+", "");
        HttpResponse<String> page = pages.get(path);
        assertThat(page.statusCode()).isEqualTo(200);
        return page.body();
    }

    /** The value an input shows, found by its id. */
    private static String value(String html, String id) {
        Matcher input = Pattern.compile("<input[^>]*\\sid=\"" + Pattern.quote(id) + "\"[^>]*>")
                .matcher(html);
        assertThat(input.find()).as("an input " + id).isTrue();
        Matcher value = Pattern.compile("\\svalue=\"([^\"]*)\"").matcher(input.group());
        return value.find() ? value.group(1) : "";
    }

    /** The value of a select's chosen option, found by the select's id; empty if none is. */
    private static String selected(String html, String id) {
        Matcher select = Pattern.compile(
                        "<select[^>]*\\sid=\"" + Pattern.quote(id) + "\"[^>]*>(.*?)</select>", Pattern.DOTALL)
                .matcher(html);
        assertThat(select.find()).as("a select " + id).isTrue();
        Matcher chosen = Pattern.compile("<option value=\"([^\"]*)\"[^>]*selected=\"selected\"")
                .matcher(select.group(1));
        return chosen.find() ? chosen.group(1) : "";
    }

    private String medicine(String name, boolean isControlled) {
        return NewMedicines.add(api, manager, name, isControlled ? 4 : null);
    }

    private String asNeeded(String medicine) {
        Map<String, Object> body = new HashMap<>();
        body.put("medicineId", medicine);
        body.put("dose", "1");
        body.put("unit", "ml");
        body.put("startsOn", LocalDate.now(LONDON).minusDays(1).toString());
        body.put("prescriber", "Dr A Example");
        body.put("kind", "PRN");
        body.put(
                "prn",
                Map.of(
                        "indication", "Agitation",
                        "minDose", "1",
                        "maxDose", "10",
                        "minIntervalMinutes", 60,
                        "maxDosesPerDay", 4));
        return created(body);
    }

    private String regular(String medicine, ZonedDateTime at) {
        Map<String, Object> body = new HashMap<>();
        body.put("medicineId", medicine);
        body.put("dose", "1");
        body.put("unit", "tablet");
        body.put("startsOn", at.toLocalDate().toString());
        body.put("prescriber", "Dr A Example");
        body.put("kind", "REGULAR");
        body.put(
                "schedule",
                Map.of("kind", "TIMES_OF_DAY", "times", List.of(at.toLocalTime().toString())));
        return created(body);
    }

    private String created(Map<String, Object> body) {
        HttpResponse<String> created = api.post("/api/v1/clients/" + code + "/prescriptions", Api.json(body), manager);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Api.read(created).get("id").asString();
    }
}
