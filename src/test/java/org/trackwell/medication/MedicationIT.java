package org.trackwell.medication;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.trackwell.database.TenantTransactions;
import org.trackwell.identity.Accounts;
import org.trackwell.medication.internal.DoseSchedule;
import org.trackwell.medication.internal.MissedDoseWatch;
import org.trackwell.support.Api;
import org.trackwell.support.Https;
import org.trackwell.support.MutableClock;
import org.trackwell.support.TrackwellTest;
import org.trackwell.tenancy.Tenants;
import tools.jackson.databind.JsonNode;

/** The medication record from the outside: single recording, corrections, PRN limits, witnesses, stock, missed doses. */
@TrackwellTest
class MedicationIT {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final List<LocalTime> EVERY_FOUR_HOURS = List.of(
            LocalTime.of(2, 0),
            LocalTime.of(6, 0),
            LocalTime.of(10, 0),
            LocalTime.of(14, 0),
            LocalTime.of(18, 0),
            LocalTime.of(22, 0));

    @LocalServerPort
    int port;

    @Autowired
    Tenants tenants;

    @Autowired
    Accounts accounts;

    @Autowired
    MutableClock clock;

    @Autowired
    MissedDoseWatch watch;

    @Autowired
    TenantTransactions transactions;

    Api api;
    String admin;
    String team;
    String manager;
    String carer;
    String carerEmail;
    String otherCarer;
    String otherCarerEmail;
    String code;

    @BeforeEach
    void service() {
        api = Api.newTenant(new Https(port), tenants, accounts, "medication");
        admin = api.signInAsAdmin();
        team = api.newTeam(admin, "Willow House");
        manager = api.signIn(api.newUserInTeam(admin, "Mo Manager", team, "MANAGER"), Api.GOOD_PASSWORD);
        carerEmail = api.newUserInTeam(admin, "Cas Carer", team, "CARER");
        carer = api.signIn(carerEmail, Api.GOOD_PASSWORD);
        otherCarerEmail = api.newUserInTeam(admin, "Wyn Witness", team, "CARER");
        otherCarer = api.signIn(otherCarerEmail, Api.GOOD_PASSWORD);
        HttpResponse<String> client = api.post("/api/v1/clients", Api.json(Map.of("teamId", team)), manager);
        code = Api.read(client).get("code").asString();
    }

    @Test
    void recordsEachDueDoseOnceAndCorrectsItWithANewEntry() {
        String medicine = medicine("Paracetamol", false);
        String prescription = regular(medicine, EVERY_FOUR_HOURS, today().minusDays(2));
        advance(Duration.ofHours(4));
        Instant due = lastDueBefore(clock.instant());

        HttpResponse<String> given = dose(carer, prescription, due, "GIVEN", null, Map.of());
        assertThat(given.statusCode()).as(given.body()).isEqualTo(201);
        assertThat(Api.read(given).get("amount").asString()).isEqualTo("2");
        HttpResponse<String> again = dose(carer, prescription, due, "NOT_GIVEN", "REFUSED", Map.of());
        assertThat(again.statusCode()).as("a dose is recorded once").isEqualTo(409);
        assertThat(Api.read(again).get("detail").asString()).contains("Correct the record");

        String original = Api.read(given).get("id").asString();
        HttpResponse<String> corrected = api.post(
                "/api/v1/clients/" + code + "/doses/" + original + "/corrections",
                Api.json(Map.of(
                        "outcome",
                        "NOT_GIVEN",
                        "reason",
                        "REFUSED",
                        "correctionReason",
                        "Recorded against the wrong client's chart")),
                carer);
        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(201);
        assertThat(Api.read(corrected).get("corrects").asString()).isEqualTo(original);
        assertThat(api.post(
                                "/api/v1/clients/" + code + "/doses/" + original + "/corrections",
                                Api.json(Map.of("outcome", "GIVEN", "correctionReason", "again")),
                                carer)
                        .statusCode())
                .as("a record is corrected once; the correction can be corrected in turn")
                .isEqualTo(409);
        assertThat(api.post(
                                "/api/v1/clients/" + code + "/doses/" + original + "/corrections",
                                Api.json(Map.of("outcome", "GIVEN")),
                                carer)
                        .statusCode())
                .as("a correction needs a reason")
                .isEqualTo(400);

        JsonNode history = Api.read(api.get(
                "/api/v1/clients/" + code + "/doses?from=" + due.minusSeconds(60) + "&to=" + due.plusSeconds(60),
                carer));
        assertThat(history).hasSize(2);
        assertThat(history.toString()).contains("wrong client's chart");

        JsonNode mar = Api.read(api.get(
                "/api/v1/clients/" + code + "/mar?month=" + java.time.YearMonth.from(due.atZone(LONDON)), carer));
        assertThat(mar.toString()).contains("\"R\"");
        assertThat(dose(carer, prescription, due.plus(Duration.ofHours(8)), "GIVEN", null, Map.of())
                        .statusCode())
                .as("not due yet")
                .isEqualTo(409);
        assertThat(dose(carer, prescription, due.plusSeconds(60), "GIVEN", null, Map.of())
                        .statusCode())
                .as("not a due time")
                .isEqualTo(400);
        assertThat(dose(carer, prescription, lastDueBefore(due), "NOT_GIVEN", null, Map.of())
                        .statusCode())
                .as("not given needs a reason")
                .isEqualTo(400);
        assertThat(api.auditActions()).contains("dose.recorded", "dose.corrected", "mar.viewed");
    }

    @Test
    void keepsAsNeededDosesToTheirLimitsUnlessAPractitionerOrManagerOverrides() {
        String medicine = medicine("Lorazepam", false);
        String prescription = asNeeded(medicine, 240, 2);

        assertThat(prn(carer, prescription, "1", null).statusCode()).isEqualTo(201);
        HttpResponse<String> tooSoon = prn(carer, prescription, "1", null);
        assertThat(tooSoon.statusCode()).isEqualTo(409);
        assertThat(Api.read(tooSoon).get("detail").asString()).contains("less than 240 minutes");
        HttpResponse<String> carerOverride = prn(carer, prescription, "1", "Very distressed");
        assertThat(carerOverride.statusCode()).isEqualTo(409);
        assertThat(Api.read(carerOverride).get("detail").asString()).contains("Only a practitioner or manager");
        HttpResponse<String> overridden = prn(manager, prescription, "1", "Very distressed; GP advised by phone");
        assertThat(overridden.statusCode()).as(overridden.body()).isEqualTo(201);
        assertThat(Api.read(overridden).get("overrideReason").asString()).contains("GP advised");

        advance(Duration.ofHours(5));
        HttpResponse<String> tooMany = prn(carer, prescription, "1", null);
        assertThat(tooMany.statusCode()).isEqualTo(409);
        assertThat(Api.read(tooMany).get("detail").asString()).contains("2 doses have already been given");
        assertThat(prn(carer, prescription, "11", null).statusCode())
                .as("above the dose range")
                .isEqualTo(400);
        advance(Duration.ofHours(20));
        assertThat(prn(carer, prescription, "1", null).statusCode()).isEqualTo(201);

        advance(Duration.ofMinutes(61));
        JsonNode round = Api.read(api.get("/api/v1/medication/round?team=" + team, carer));
        assertThat(round.get("asNeeded").get(0).get("givenInLastDay").asInt()).isEqualTo(1);
        assertThat(round.get("effects"))
                .as("asks whether the earlier doses helped")
                .isNotEmpty();
        String dose = round.get("effects").get(0).get("doseId").asString();
        assertThat(api.post(
                                "/api/v1/clients/" + code + "/doses/" + dose + "/effect",
                                Api.json(Map.of("effect", "HELPED")),
                                carer)
                        .statusCode())
                .isEqualTo(204);
        assertThat(api.auditActions()).contains("dose.prn-limit-overridden", "dose.effect-recorded");
    }

    @Test
    void everyTwentyFourHoursAroundABackDatedOrCorrectedDoseKeepsToTheLimits() {
        String prescription = asNeeded(medicine("Promethazine", false), 60, 2);
        Instant first = clock.instant();
        assertThat(prn(carer, prescription, "1", null).statusCode()).isEqualTo(201);
        advance(Duration.ofHours(3));
        HttpResponse<String> second = prn(carer, prescription, "1", null);
        assertThat(second.statusCode()).isEqualTo(201);
        advance(Duration.ofHours(10));

        HttpResponse<String> between = prnAt(carer, prescription, first.plus(Duration.ofMinutes(90)), null);
        assertThat(between.statusCode())
                .as("the 24 hours from the first dose would hold three")
                .isEqualTo(409);
        assertThat(Api.read(between).get("detail").asString()).contains("2 doses have already been given");
        assertThat(prnAt(carer, prescription, first.plus(Duration.ofMinutes(160)), null)
                        .statusCode())
                .as("20 minutes before the second dose")
                .isEqualTo(409);

        String path = "/api/v1/clients/" + code + "/doses/"
                + Api.read(second).get("id").asString() + "/corrections";
        Map<String, Object> correction = new HashMap<>(Map.of(
                "outcome", "GIVEN",
                "amount", "1",
                "givenAt", first.plus(Duration.ofMinutes(10)).toString(),
                "correctionReason", "Wrong time written"));
        HttpResponse<String> tooClose = api.post(path, Api.json(correction), manager);
        assertThat(tooClose.statusCode())
                .as("a correction keeps to the limits too")
                .isEqualTo(409);
        correction.put("overrideReason", "Given at the GP's word, as recorded on the chart");
        HttpResponse<String> overridden = api.post(path, Api.json(correction), manager);
        assertThat(overridden.statusCode()).as(overridden.body()).isEqualTo(201);
        assertThat(api.auditActions())
                .contains("dose.prn-limit-overridden")
                .filteredOn("dose.prn-limit-refused"::equals)
                .as("each refusal recorded")
                .hasSize(3);
    }

    @Test
    void twoCarersGivingTheSameAsNeededDoseAtOnceCannotBothPassTheLimit() throws Exception {
        String prescription = asNeeded(medicine("Haloperidol", false), 0, 1);
        List<java.util.concurrent.Callable<Integer>> carers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String token = i % 2 == 0 ? carer : otherCarer;
            carers.add(() -> prn(token, prescription, "1", null).statusCode());
        }
        List<Integer> answers = new ArrayList<>();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(8)) {
            for (var answer : pool.invokeAll(carers)) {
                answers.add(answer.get());
            }
        }
        assertThat(answers).as(answers.toString()).containsOnlyOnce(201).containsOnly(201, 409);
    }

    @Test
    void theRoundsNextAllowedDoseCountsEveryDoseOverTheDailyMaximum() {
        String prescription = asNeeded(medicine("Oxazepam", false), 0, 4);
        Instant first = clock.instant();
        for (int i = 0; i < 4; i++) {
            assertThat(prn(carer, prescription, "1", null).statusCode()).isEqualTo(201);
            advance(Duration.ofHours(1));
        }
        assertThat(prn(manager, prescription, "1", "Crisis; on-call doctor agreed")
                        .statusCode())
                .isEqualTo(201);
        JsonNode asNeeded = Api.read(api.get("/api/v1/medication/round?team=" + team, carer))
                .get("asNeeded")
                .get(0);
        assertThat(asNeeded.get("givenInLastDay").asInt()).isEqualTo(5);
        assertThat(Instant.parse(asNeeded.get("nextAllowedAt").asString()))
                .as("when the fourth most recent dose leaves the 24 hours (the clock runs on meanwhile)")
                .isBetween(
                        first.plus(Duration.ofHours(25)),
                        first.plus(Duration.ofHours(25)).plusSeconds(30));
    }

    @Test
    void anAmountIsAboveZeroWithinItsRangeAndToThreeDecimalPlaces() {
        String medicine = medicine("Risperidone", false);
        String prescription = asNeeded(medicine, 60, 4);
        for (String amount : new String[] {"1e308", "0", "-1", "1.0005", "11"}) {
            assertThat(prn(carer, prescription, amount, null).statusCode())
                    .as(amount)
                    .isEqualTo(400);
        }
        Map<String, Object> huge = prescriptionBody(medicine, List.of(LocalTime.NOON), today());
        huge.put("dose", "1e308");
        assertThat(api.post("/api/v1/clients/" + code + "/prescriptions", Api.json(huge), manager)
                        .statusCode())
                .isEqualTo(400);
        for (String quantity : new String[] {"1e308", "2.5555", "0"}) {
            assertThat(api.post(
                                    "/api/v1/clients/" + code + "/stock/receipts",
                                    Api.json(Map.of("medicineId", medicine, "quantity", quantity)),
                                    carer)
                            .statusCode())
                    .as(quantity)
                    .isEqualTo(400);
        }
        assertThat(prn(carer, prescription, "1.25", null).statusCode()).isEqualTo(201);
    }

    @Test
    void aControlledDrugNeedsASecondMemberOfStaffWithTheirOwnPassword() {
        String medicine = medicine("Morphine sulfate", true);
        String prescription = asNeeded(medicine, 60, 6);

        assertThat(recordDose(Map.of("prescriptionId", prescription, "outcome", "GIVEN", "amount", "5"), carer)
                        .statusCode())
                .isEqualTo(400);
        HttpResponse<String> wrong = witnessedDose(prescription, otherCarerEmail, "not the password at all");
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(Api.read(wrong).get("detail").asString()).doesNotContain("password is wrong");
        assertThat(witnessedDose(prescription, carerEmail, Api.GOOD_PASSWORD).statusCode())
                .as("not one's own witness")
                .isEqualTo(400);
        HttpResponse<String> witnessed = witnessedDose(prescription, otherCarerEmail, Api.GOOD_PASSWORD);
        assertThat(witnessed.statusCode()).as(witnessed.body()).isEqualTo(201);
        assertThat(Api.read(witnessed).get("witnessId").asString()).isNotBlank();
        assertThat(api.auditActions()).contains("sign-in.witness-not-confirmed", "sign-in.witness-confirmed");
    }

    @Test
    void keepsTheControlledDrugBalanceAndAlertsManagersWhenACountDiffers() {
        String medicine = medicine("Oxycodone", true);
        String prescription = asNeeded(medicine, 60, 6);
        Map<String, Object> witness = Map.of("email", otherCarerEmail, "password", Api.GOOD_PASSWORD);
        String stock = "/api/v1/clients/" + code + "/stock";

        assertThat(api.post(stock + "/receipts", Api.json(Map.of("medicineId", medicine, "quantity", "100")), carer)
                        .statusCode())
                .as("a controlled-drug receipt needs a witness")
                .isEqualTo(400);
        assertThat(api.post(
                                stock + "/receipts",
                                Api.json(Map.of(
                                        "medicineId",
                                        medicine,
                                        "quantity",
                                        "100",
                                        "batch",
                                        "B123",
                                        "expiresOn",
                                        today().plusDays(20).toString(),
                                        "witness",
                                        witness)),
                                carer)
                        .statusCode())
                .isEqualTo(201);
        HttpResponse<String> given = recordDose(
                Map.of("prescriptionId", prescription, "outcome", "GIVEN", "amount", "5", "witness", witness), carer);
        assertThat(given.statusCode()).isEqualTo(201);
        assertThat(api.post(
                                stock + "/removals",
                                Api.json(Map.of(
                                        "medicineId",
                                        medicine,
                                        "kind",
                                        "DISPOSAL",
                                        "quantity",
                                        "10",
                                        "reason",
                                        "Dropped and spoiled",
                                        "witness",
                                        witness)),
                                carer)
                        .statusCode())
                .isEqualTo(201);
        assertThat(api.post(
                                "/api/v1/clients/" + code + "/doses/"
                                        + Api.read(given).get("id").asString() + "/corrections",
                                Api.json(Map.of(
                                        "outcome",
                                        "NOT_GIVEN",
                                        "reason",
                                        "REFUSED",
                                        "correctionReason",
                                        "Spat out before swallowing")),
                                carer)
                        .statusCode())
                .isEqualTo(201);
        JsonNode line = Api.read(api.get(stock, carer)).get(0);
        assertThat(new BigDecimal(line.get("balance").asString())).isEqualByComparingTo("90");
        assertThat(line.get("expiring")).as("expires within 30 days").hasSize(1);

        JsonNode matching = Api.read(api.post(
                stock + "/counts",
                Api.json(Map.of("medicineId", medicine, "counted", "90", "witness", witness)),
                carer));
        assertThat(matching.get("matches").asBoolean()).isTrue();
        JsonNode short_ = Api.read(api.post(
                stock + "/counts",
                Api.json(Map.of("medicineId", medicine, "counted", "89", "witness", witness)),
                carer));
        assertThat(short_.get("matches").asBoolean()).isFalse();

        List<String> balances = new ArrayList<>();
        Api.read(api.get(stock + "/" + medicine + "/register", carer))
                .forEach(entry ->
                        balances.add(new BigDecimal(entry.get("balance").asString())
                                .stripTrailingZeros()
                                .toPlainString()));
        assertThat(balances).containsExactly("100", "95", "85", "90", "90", "90");
        JsonNode alerts = Api.read(api.get("/api/v1/medication/alerts", manager));
        assertThat(alerts.toString()).contains("counted 89", "the record says 90");
        assertThat(api.get("/api/v1/medication/alerts", carer).statusCode()).isEqualTo(403);
        String alert = alerts.get(0).get("id").asString();
        assertThat(api.post("/api/v1/medication/alerts/" + alert + "/acknowledge", "{}", manager)
                        .statusCode())
                .isEqualTo(204);
        assertThat(Api.read(api.get("/api/v1/medication/alerts", manager))).isEmpty();
    }

    @Test
    void aDoseWithNoRecordByTheEndOfItsWindowBecomesMissedOnce() {
        String medicine = medicine("Levetiracetam", false);
        Instant due = clock.instant().plus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.MINUTES);
        var local = due.atZone(LONDON);
        String prescription = regular(medicine, List.of(local.toLocalTime()), local.toLocalDate());

        assertThat(detect()).isZero();
        advanceTo(due.plus(Duration.ofMinutes(59)));
        assertThat(detect()).as("still inside its hour of tolerance").isZero();
        JsonNode round = Api.read(api.get("/api/v1/medication/round?team=" + team, carer));
        assertThat(round.get("doses").get(0).get("status").asString()).isEqualTo("OVERDUE");
        advance(Duration.ofMinutes(2));
        assertThat(detect()).isEqualTo(1);
        assertThat(detect()).as("missed once").isZero();

        round = Api.read(api.get("/api/v1/medication/round?team=" + team, carer));
        assertThat(round.get("doses").get(0).get("status").asString()).isEqualTo("MISSED");
        assertThat(Api.read(api.get("/api/v1/clients/" + code + "/flags", manager))
                        .toString())
                .contains("Missed dose");
        assertThat(Api.read(api.get("/api/v1/medication/alerts", manager)).toString())
                .contains("Missed dose", code);
        JsonNode adherence = Api.read(api.get(
                "/api/v1/medication/adherence?team=" + team + "&from=" + local.toLocalDate() + "&to="
                        + local.toLocalDate(),
                manager));
        assertThat(adherence.get("total").get("missed").asInt()).isEqualTo(1);
        assertThat(adherence.get("clients").get(0).get("client").asString())
                .as("the pseudonym code as people see it")
                .matches("[2-9A-Z]{3}-[2-9A-Z]{4}");

        assertThat(dose(carer, prescription, due, "GIVEN", null, Map.of()).statusCode())
                .as("a late dose can still be recorded; the missed flag stays for the manager")
                .isEqualTo(201);
    }

    @Test
    void noDoseIsDueBeforeThePrescriptionWasWrittenEvenWhenItStartedTheDayBefore() {
        String medicine = medicine("Sertraline", false);
        Instant written = clock.instant();
        LocalTime now = written.atZone(LONDON).toLocalTime().truncatedTo(ChronoUnit.MINUTES);
        List<LocalTime> times = List.of(now.minusHours(2), now.plusHours(2));
        String prescription = regular(medicine, times, today().minusDays(1));

        assertThat(detect())
                .as("the earlier doses were never due on this prescription")
                .isZero();
        JsonNode round = Api.read(api.get("/api/v1/medication/round?team=" + team, carer));
        assertThat(round.get("doses").findValuesAsString("status")).doesNotContain("MISSED", "OVERDUE");
        JsonNode mar = Api.read(api.get(
                "/api/v1/clients/" + code + "/mar?month=" + java.time.YearMonth.from(written.atZone(LONDON)), carer));
        assertThat(mar.toString()).doesNotContain("\"M\"");
        assertThat(Api.read(api.get("/api/v1/medication/alerts", manager))).isEmpty();
        assertThat(Api.read(api.get("/api/v1/clients/" + code + "/flags", manager))
                        .toString())
                .doesNotContain("Missed dose");
        Instant earlier = written.minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MINUTES);
        assertThat(dose(carer, prescription, earlier, "GIVEN", null, Map.of()).statusCode())
                .as("a time before the prescription was written is not one of its doses")
                .isEqualTo(400);

        advance(Duration.ofHours(2).plusMinutes(62));
        assertThat(detect())
                .as("the first dose after it was written is missed like any other")
                .isEqualTo(1);
    }

    @Test
    void aTimeCriticalDoseIsMissedWhenItsOwnShorterWindowEnds() {
        String medicine = medicine("Co-careldopa", false);
        Instant due = clock.instant().plus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.MINUTES);
        var local = due.atZone(LONDON);
        Map<String, Object> body = prescriptionBody(medicine, List.of(local.toLocalTime()), local.toLocalDate());
        body.put("timeCritical", true);
        body.put("toleranceMinutes", 15);
        HttpResponse<String> created = api.post("/api/v1/clients/" + code + "/prescriptions", Api.json(body), manager);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        advanceTo(due.plus(Duration.ofMinutes(14)));
        assertThat(detect()).isZero();
        advance(Duration.ofMinutes(2));
        assertThat(detect()).as("15 minutes, not the usual hour").isEqualTo(1);
    }

    @Test
    void warnsOfLowStockFromTheRegularDosesStillToCome() {
        String medicine = medicine("Metformin", false);
        regular(medicine, EVERY_FOUR_HOURS, today().minusDays(1));
        api.post(
                "/api/v1/clients/" + code + "/stock/receipts",
                Api.json(Map.of("medicineId", medicine, "quantity", "30")),
                carer);
        JsonNode line =
                Api.read(api.get("/api/v1/clients/" + code + "/stock", carer)).get(0);
        assertThat(new BigDecimal(line.get("daysLeft").asString()))
                .as("30 tablets at 2 tablets six times a day")
                .isEqualByComparingTo("2.5");
        assertThat(line.get("low").asBoolean())
                .as("under the 7 days the service keeps")
                .isTrue();
    }

    @Test
    void aChangeStopsThePrescriptionAndStartsANewOneThatNamesIt() {
        String medicine = medicine("Sertraline", false);
        String first = regular(medicine, List.of(LocalTime.of(8, 0)), today());
        Map<String, Object> changed = prescriptionBody(medicine, List.of(LocalTime.of(9, 0)), today());
        changed.put("dose", "100");
        changed.put("reason", "Dose increased at review");
        HttpResponse<String> replacement =
                api.post("/api/v1/clients/" + code + "/prescriptions/" + first + "/change", Api.json(changed), manager);
        assertThat(replacement.statusCode()).as(replacement.body()).isEqualTo(201);
        assertThat(Api.read(replacement).get("replaces").asString()).isEqualTo(first);
        JsonNode all = Api.read(api.get("/api/v1/clients/" + code + "/prescriptions", carer));
        assertThat(all).hasSize(2);
        assertThat(all.toString()).contains("Changed: Dose increased at review");
        assertThat(api.post("/api/v1/clients/" + code + "/prescriptions", Api.json(changed), carer)
                        .statusCode())
                .as("carers give medication; they do not prescribe")
                .isEqualTo(404);
        String second = Api.read(replacement).get("id").asString();
        assertThat(api.post(
                                "/api/v1/clients/" + code + "/prescriptions/" + second + "/stop",
                                Api.json(Map.of("reason", "Stopped at review")),
                                manager)
                        .statusCode())
                .isEqualTo(204);
        assertThat(api.post(
                                "/api/v1/clients/" + code + "/prescriptions/" + second + "/stop",
                                Api.json(Map.of("reason", "again")),
                                manager)
                        .statusCode())
                .isEqualTo(409);
        Map<String, Object> settings = Map.of(
                "timeZone",
                "Europe/London",
                "toleranceMinutes",
                45,
                "prnEffectMinutes",
                60,
                "lowStockDays",
                7,
                "expiryWarningDays",
                30);
        assertThat(api.put("/api/v1/medication-settings", Api.json(settings), admin)
                        .statusCode())
                .isEqualTo(200);
        assertThat(api.put(
                                "/api/v1/medication-settings",
                                Api.json(Map.of(
                                        "timeZone",
                                        "Mars/Olympus",
                                        "toleranceMinutes",
                                        45,
                                        "prnEffectMinutes",
                                        60,
                                        "lowStockDays",
                                        7,
                                        "expiryWarningDays",
                                        30)),
                                admin)
                        .statusCode())
                .isEqualTo(400);
        assertThat(api.auditActions())
                .contains("prescription.changed", "prescription.stopped", "medication-settings.changed");
        Map<String, Object> noSchedule = prescriptionBody(medicine, List.of(), today());
        assertThat(api.post("/api/v1/clients/" + code + "/prescriptions", Api.json(noSchedule), manager)
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void everyMedicationPageRendersWithAPrintableMar() {
        String medicine = medicine("Paracetamol", false);
        String prescription = regular(medicine, EVERY_FOUR_HOURS, today().minusDays(2));
        advance(Duration.ofHours(4));
        Instant refused = lastDueBefore(clock.instant());
        dose(carer, prescription, refused, "NOT_GIVEN", "REFUSED", Map.of());
        asNeeded(medicine("Diazepam", true), 60, 3);
        // The refused dose's month: late on a month's last day it falls in the next one.
        String month = YearMonth.from(refused.atZone(LONDON)).toString();

        assertThat(page("/medication/round?team=" + team, carer)).contains(code, "Paracetamol 5 mg tablet");
        assertThat(page("/clients/" + code + "/medication", carer)).contains("Paracetamol", "As needed for Agitation");
        assertThat(page("/clients/" + code + "/medication/mar?month=" + month, carer))
                .contains("Paracetamol", ">R<");
        assertThat(page("/medication/medicines", manager)).contains("Diazepam", "Schedule 2");
        assertThat(page("/medication/alerts", manager)).contains("Medication alerts");
        HttpResponse<String> pdf = api.https()
                .get(
                        api.host(),
                        "/clients/" + code + "/medication/mar.pdf?month=" + month,
                        "Cookie",
                        "__Host-trackwell-session=" + carer);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(pdf.body()).startsWith("%PDF");
    }

    @Test
    void oneReadOfAMedicationPageLeavesOneEntryInTheAuditTrail() {
        String medicine = medicine("Paracetamol", false);
        String prescription = regular(medicine, EVERY_FOUR_HOURS, today().minusDays(2));
        advance(Duration.ofHours(4));
        dose(carer, prescription, lastDueBefore(clock.instant()), "NOT_GIVEN", "REFUSED", Map.of());
        String month = YearMonth.now(LONDON).toString();
        String base = "/clients/" + code + "/medication";

        assertThat(entriesLeftBy(() -> page(base, carer)))
                .as("the client's medication page shows prescriptions and stock, and is one read")
                .containsExactly("medication.viewed");
        assertThat(entriesLeftBy(() -> page(base + "/mar?month=" + month, carer)))
                .containsExactly("mar.viewed");
        assertThat(entriesLeftBy(() -> assertThat(api.https()
                                .get(
                                        api.host(),
                                        base + "/mar.pdf?month=" + month,
                                        "Cookie",
                                        "__Host-trackwell-session=" + carer)
                                .statusCode())
                        .isEqualTo(200)))
                .as("printing is the read")
                .containsExactly("mar.printed");
        String records = "/api/v1/clients/" + code;
        assertThat(entriesLeftBy(() -> ok(records + "/prescriptions"))).containsExactly("prescriptions.viewed");
        assertThat(entriesLeftBy(() -> ok(records + "/mar?month=" + month))).containsExactly("mar.viewed");
        assertThat(entriesLeftBy(() -> ok(records + "/stock"))).containsExactly("stock.viewed");
        assertThat(entriesLeftBy(() -> ok(records + "/stock/" + medicine + "/register")))
                .containsExactly("stock.register-viewed");
    }

    private void ok(String path) {
        HttpResponse<String> response = api.get(path, carer);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    /** The audit entries about the client that the request leaves, in the order they were made. */
    private List<String> entriesLeftBy(Runnable request) {
        int before = entriesAboutClient().size();
        request.run();
        List<String> after = entriesAboutClient();
        return after.subList(before, after.size());
    }

    private List<String> entriesAboutClient() {
        return org.springframework.jdbc.core.simple.JdbcClient.create(org.trackwell.support.TestPostgres.asSuperuser())
                .sql("""
                        select action from audit_event where tenant_id = :t and target = :target
                        order by occurred_at, id""")
                .param("t", api.tenant().id().value())
                .param("target", "client:" + code)
                .query(String.class)
                .list();
    }

    @Test
    void printsTheMarAsALegalRecordOfWhoGaveEachDoseWhenWithWitnessesCorrectionsAndOverrides() throws Exception {
        // The doses given now and the one due in ten minutes go on one month's MAR.
        if (!YearMonth.from(clock.instant().atZone(LONDON))
                .equals(YearMonth.from(
                        clock.instant().plus(Duration.ofMinutes(10)).atZone(LONDON)))) {
            advance(Duration.ofMinutes(10));
        }
        Instant due = clock.instant().plus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.MINUTES);
        ZonedDateTime local = due.atZone(LONDON);
        String paracetamol = regular(medicine("Paracetamol", false), List.of(local.toLocalTime()), local.toLocalDate());
        HttpResponse<String> given = dose(carer, paracetamol, due, "GIVEN", null, Map.of("note", "Taken with water"));
        assertThat(given.statusCode()).as(given.body()).isEqualTo(201);
        HttpResponse<String> corrected = api.post(
                "/api/v1/clients/" + code + "/doses/"
                        + Api.read(given).get("id").asString() + "/corrections",
                Api.json(Map.of(
                        "outcome",
                        "NOT_GIVEN",
                        "reason",
                        "REFUSED",
                        "correctionReason",
                        "Spat it out after recording")),
                manager);
        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(201);
        HttpResponse<String> witnessed =
                witnessedDose(asNeeded(medicine("Diazepam", true), 60, 3), otherCarerEmail, Api.GOOD_PASSWORD);
        assertThat(witnessed.statusCode()).as(witnessed.body()).isEqualTo(201);
        String lorazepam = asNeeded(medicine("Lorazepam", false), 240, 1);
        assertThat(prn(carer, lorazepam, "1", null).statusCode()).isEqualTo(201);
        assertThat(prn(manager, lorazepam, "1", "GP advised by phone").statusCode())
                .isEqualTo(201);

        List<String> pages = pdfPages("/clients/" + code + "/medication/mar.pdf?month=" + YearMonth.from(local), carer);

        String month = local.format(DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK));
        for (int page = 1; page <= pages.size(); page++) {
            assertThat(pages.get(page - 1))
                    .as("every page says whose record it is, when it was printed and which page it is")
                    .contains("Service medication", code, month, "Page " + page + " of " + pages.size())
                    .containsPattern("printed \\d{1,2} \\w+ \\d{4} \\d{2}:\\d{2} by Cas Carer");
        }
        String text = String.join(" ", pages).replaceAll("\\s+", " ");
        DateTimeFormatter when = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.UK);
        assertThat(text)
                .contains("Paracetamol 5 mg tablet 2 tablets at " + local.toLocalTime(), "R*")
                .contains("G given", "R refused", "M missed", "N nausea or vomiting", "A self-administered")
                .contains(when.format(local) + " Paracetamol 5 mg tablet G given 2 tablets")
                .contains(
                        when.format(Instant.parse(Api.read(given).get("givenAt").asString())
                                        .atZone(LONDON)) + " Cas Carer")
                .contains("Note: Taken with water")
                .contains("by Mo Manager: this entry no longer stands.", "Why: Spat it out after recording")
                .contains("Diazepam 5 mg tablet G given 5 ml", "Cas Carer Wyn Witness")
                .contains("Given beyond the as-needed limits. Why: GP advised by phone");
        assertThat(text)
                .as("no identifiers or codes beyond the MAR's own, which the legend explains")
                .doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}-")
                .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T")
                .doesNotContain("NOT_GIVEN", "REFUSED", "GIVEN", "PRN", "REGULAR");
        assertThat(api.auditActions()).contains("mar.printed");
    }

    /** Downloads a PDF over HTTPS and reads it the way a person would, with pdftotext, page by page. */
    private List<String> pdfPages(String path, String token) throws IOException, InterruptedException {
        HttpResponse<byte[]> pdf =
                api.https().download(api.host(), path, "Cookie", "__Host-trackwell-session=" + token);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        Path file = Files.createTempFile("mar", ".pdf");
        try {
            Files.write(file, pdf.body());
            Process pdftotext = new ProcessBuilder("pdftotext", "-layout", file.toString(), "-")
                    .redirectErrorStream(true)
                    .start();
            String text = new String(pdftotext.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(pdftotext.waitFor()).as(text).isZero();
            return Arrays.stream(text.split("\f"))
                    .filter(page -> !page.isBlank())
                    .toList();
        } finally {
            Files.delete(file);
        }
    }

    private String page(String path, String token) {
        HttpResponse<String> response =
                api.https().get(api.host(), path, "Cookie", "__Host-trackwell-session=" + token);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    @Test
    void refusesMalformedRequestsWithAClearAnswerAndChangesNothing() {
        String medicine = medicine("Prednisolone", false);
        Map<String, Object> taper = prescriptionBody(medicine, List.of(), today());
        taper.put(
                "schedule",
                Map.of(
                        "kind",
                        "TAPERING",
                        "steps",
                        List.of(java.util.Collections.singletonMap("from", today().toString()))));
        String prescriptions = "/api/v1/clients/" + code + "/prescriptions";
        List<HttpResponse<String>> refused = List.of(
                api.post(prescriptions, Api.json(taper), manager),
                api.post(prescriptions, "{\"kind\":\"SOMETIMES\"}", manager),
                api.post(
                        prescriptions,
                        "{\"medicineId\":\"" + medicine + "\",\"dose\":\"1\",\"unit\":\"tablet\",\"startsOn\":\""
                                + today() + "\",\"prescriber\":\"Dr A\",\"kind\":\"REGULAR\",\"schedule\":{\"kind\":"
                                + "\"TIMES_OF_DAY\",\"times\":[null]}}",
                        manager),
                api.post(prescriptions, "not json", manager),
                api.post("/api/v1/clients/" + code + "/doses", Api.json(Map.of("outcome", "GIVEN")), carer),
                api.post(
                        "/api/v1/clients/" + code + "/doses",
                        Api.json(Map.of(
                                "prescriptionId", java.util.UUID.randomUUID().toString(), "outcome", "GIVEN")),
                        carer),
                api.get("/api/v1/clients/" + code + "/mar?month=last-month", carer),
                api.get("/api/v1/clients/" + code + "/doses?from=yesterday&to=today", carer),
                api.get("/api/v1/medication/round?team=not-a-team", carer),
                api.get("/api/v1/medication/round?team=" + java.util.UUID.randomUUID(), carer),
                api.post(
                        "/api/v1/clients/" + code + "/stock/counts",
                        Api.json(Map.of("medicineId", medicine, "counted", "-1")),
                        carer),
                api.post(
                        "/api/v1/medicines",
                        Api.json(Map.of("name", "X", "form", "f", "strength", "s", "route", "r", "controlled", true)),
                        manager));
        for (HttpResponse<String> response : refused) {
            assertThat(response.statusCode()).as(response.body()).isBetween(400, 499);
            assertThat(response.body()).doesNotContain("Exception", "at org.", "SQL");
        }
        assertThat(Api.read(api.get(prescriptions, carer))).isEmpty();
    }

    /** The carer gives 5 ml of an as-needed controlled drug, with a witness confirming on the spot. */
    private HttpResponse<String> witnessedDose(String prescription, String witnessEmail, String witnessPassword) {
        return recordDose(
                Map.of(
                        "prescriptionId",
                        prescription,
                        "outcome",
                        "GIVEN",
                        "amount",
                        "5",
                        "witness",
                        Map.of("email", witnessEmail, "password", witnessPassword)),
                carer);
    }

    /** Records a dose as a carer does on the round: having checked they are with the right person. */
    private HttpResponse<String> recordDose(Map<String, ?> body, String token) {
        Map<String, Object> confirmed = new HashMap<>(body);
        confirmed.put("personConfirmed", true);
        return api.post("/api/v1/clients/" + code + "/doses", Api.json(confirmed), token);
    }

    /** Moves time on; sessions idle that long have ended, so everyone signs in again. */
    private void advance(Duration duration) {
        clock.advance(duration);
        manager = api.signIn(accountEmail("Mo Manager"), Api.GOOD_PASSWORD);
        carer = api.signIn(carerEmail, Api.GOOD_PASSWORD);
    }

    /**
     * Moves time on to a moment counted from a due time, not from now: a due time is a whole minute,
     * so "now plus the minutes" lands up to a minute later, more on a slow machine.
     */
    private void advanceTo(Instant moment) {
        advance(Duration.between(clock.instant(), moment));
    }

    private String accountEmail(String name) {
        for (JsonNode user : Api.read(api.get("/api/v1/users", api.signInAsAdmin()))) {
            if (user.get("displayName").asString().equals(name)) {
                return user.get("email").asString();
            }
        }
        throw new AssertionError("no user " + name);
    }

    private int detect() {
        return transactions.inTenant(api.tenant().id(), watch::detect);
    }

    private static LocalDate today() {
        return LocalDate.now(LONDON);
    }

    private static Instant lastDueBefore(Instant instant) {
        return new DoseSchedule(DoseSchedule.Kind.TIMES_OF_DAY, EVERY_FOUR_HOURS, java.util.Set.of(), null, List.of())
                .dueBetween(
                        LocalDate.of(2020, 1, 1),
                        null,
                        BigDecimal.ONE,
                        instant.minus(Duration.ofHours(5)),
                        instant.minusSeconds(1),
                        LONDON)
                .getLast()
                .at();
    }

    private String medicine(String name, boolean controlled) {
        return NewMedicines.add(api, manager, name, controlled ? 2 : null);
    }

    private Map<String, Object> prescriptionBody(String medicine, List<LocalTime> times, LocalDate startsOn) {
        Map<String, Object> body = new HashMap<>();
        body.put("medicineId", medicine);
        body.put("dose", "2");
        body.put("unit", "tablets");
        body.put("startsOn", startsOn.toString());
        body.put("prescriber", "Dr A Example");
        body.put("kind", "REGULAR");
        body.put(
                "schedule",
                Map.of(
                        "kind",
                        "TIMES_OF_DAY",
                        "times",
                        times.stream().map(LocalTime::toString).toList()));
        return body;
    }

    private String regular(String medicine, List<LocalTime> times, LocalDate startsOn) {
        HttpResponse<String> created = api.post(
                "/api/v1/clients/" + code + "/prescriptions",
                Api.json(prescriptionBody(medicine, times, startsOn)),
                manager);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Api.read(created).get("id").asString();
    }

    private String asNeeded(String medicine, int minIntervalMinutes, int maxPerDay) {
        Map<String, Object> body = new HashMap<>();
        body.put("medicineId", medicine);
        body.put("dose", "1");
        body.put("unit", "ml");
        body.put("startsOn", today().minusDays(1).toString());
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
                        "10",
                        "minIntervalMinutes",
                        minIntervalMinutes,
                        "maxDosesPerDay",
                        maxPerDay));
        HttpResponse<String> created = api.post("/api/v1/clients/" + code + "/prescriptions", Api.json(body), manager);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Api.read(created).get("id").asString();
    }

    private HttpResponse<String> prn(String token, String prescription, String amount, String overrideReason) {
        Map<String, Object> body =
                new HashMap<>(Map.of("prescriptionId", prescription, "outcome", "GIVEN", "amount", amount));
        if (overrideReason != null) {
            body.put("overrideReason", overrideReason);
        }
        return recordDose(body, token);
    }

    private HttpResponse<String> prnAt(String token, String prescription, Instant givenAt, String overrideReason) {
        Map<String, Object> body = new HashMap<>(Map.of(
                "prescriptionId", prescription, "outcome", "GIVEN", "amount", "1", "givenAt", givenAt.toString()));
        if (overrideReason != null) {
            body.put("overrideReason", overrideReason);
        }
        return recordDose(body, token);
    }

    private HttpResponse<String> dose(
            String token, String prescription, Instant due, String outcome, String reason, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(extra);
        body.put("prescriptionId", prescription);
        body.put("dueAt", due.toString());
        body.put("outcome", outcome);
        if (reason != null) {
            body.put("reason", reason);
        }
        return recordDose(body, token);
    }
}
