package org.trackwell.bench;

import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trackwell.medication.internal.DoseSchedule;

/**
 * Scenario 8: a unit of 50 clients with 8 medicines each (7 regular, four times a day, and one
 * as needed). The round for the unit (GET, audited) against GET /api/v1/me, with the due doses it
 * computes per second; the schedule arithmetic alone in this process against the bare time-zone
 * conversions it needs; and recording an as-needed dose (limits checked, audited) against two
 * audited team writes.
 */
final class MedicationScenario {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    /**
     * Four times a day, all within the round's next 4 hours: a prescription written now has no
     * doses before it was written, so fixed times of day left the round empty at night.
     */
    private static final List<String> TIMES = java.util.stream.Stream.of(30, 90, 150, 210)
            .map(minutes -> LocalTime.now(LONDON)
                    .truncatedTo(java.time.temporal.ChronoUnit.MINUTES)
                    .plusMinutes(minutes)
                    .toString())
            .sorted()
            .toList();

    private MedicationScenario() {}

    static List<Figure> run(Server server, Seed seed, Bench.Options options) throws Exception {
        Duration duration = options.duration(10);
        String admin = seed.token(server);
        String team = Calls.field(Calls.post(server, seed, admin, "/api/v1/teams", "{\"name\":\"Rowan Unit\"}"), "id");
        String manager = Calls.staff(server, seed, admin, "unit-manager@bench.test", "MANAGER", team);
        String carer = Calls.staff(server, seed, admin, "carer@bench.test", "CARER", team);
        List<String> medicines = new ArrayList<>();
        for (int m = 0; m < 8; m++) {
            medicines.add(Calls.field(Calls.post(server, seed, manager, "/api/v1/medicines",
                    "{\"name\":\"Medicine " + m + "\",\"form\":\"tablet\",\"strength\":\"10 mg\",\"route\":\"oral\"}"), "id"));
        }
        int clients = options.smoke() ? 5 : 50;
        String startsOn = LocalDate.now(LONDON).minusDays(3).toString();
        String code = null;
        String prn = null;
        for (int c = 0; c < clients; c++) {
            code = Calls.field(Calls.post(server, seed, manager, "/api/v1/clients", "{\"teamId\":\"" + team + "\"}"), "code");
            for (int m = 0; m < 7; m++) {
                Calls.post(server, seed, manager, "/api/v1/clients/" + code + "/prescriptions",
                        "{\"medicineId\":\"" + medicines.get(m) + "\",\"dose\":\"1\",\"unit\":\"tablet\",\"startsOn\":\""
                                + startsOn + "\",\"prescriber\":\"Dr Bench\",\"kind\":\"REGULAR\",\"schedule\":{\"kind\":"
                                + "\"TIMES_OF_DAY\",\"times\":[\"" + String.join("\",\"", TIMES) + "\"]}}");
            }
            prn = Calls.field(Calls.post(server, seed, manager, "/api/v1/clients/" + code + "/prescriptions",
                    "{\"medicineId\":\"" + medicines.get(7) + "\",\"dose\":\"1\",\"unit\":\"tablet\",\"startsOn\":\""
                            + startsOn + "\",\"prescriber\":\"Dr Bench\",\"kind\":\"PRN\",\"prn\":{\"indication\":\"pain\","
                            + "\"minDose\":\"1\",\"maxDose\":\"2\",\"minIntervalMinutes\":0,\"maxDosesPerDay\":100000}}"), "id");
        }
        String roundBody = get(server, seed, carer, "/api/v1/medication/round?team=" + team);
        int dosesPerRound = count(Pattern.compile("\"dueAt\""), roundBody);
        List<Load.Result> loads = Calls.inTurns(server, seed, carer, List.of("/api/v1/me",
                "/api/v1/medication/round?team=" + team), 8, duration);
        Load.Result me = loads.get(0);
        Load.Result round = loads.get(1);

        int prescriptions = clients * 7;
        Arithmetic arithmetic = arithmetic(prescriptions, options.smoke() ? Duration.ofSeconds(2) : Duration.ofSeconds(5));

        String path = "/api/v1/clients/" + code + "/doses";
        String body = "{\"prescriptionId\":\"" + prn + "\",\"outcome\":\"GIVEN\",\"amount\":\"1\",\"personConfirmed\":true}";
        Load.Result doses = Load.run(4, duration, () -> {
            Calls.post(server, seed, carer, path, body);
            return 201;
        });
        Load.Result teams = Calls.auditedTeamWrites(server, seed, admin, 1, duration);
        return List.of(
                new Figure("round for " + clients + " clients x 8 medicines (" + dosesPerRound + " doses)", round.rate(),
                        "req/s", "GET /api/v1/me", me.rate(), "req/s"),
                new Figure("  due doses computed by the round", round.rate() * dosesPerRound, "doses/s",
                        "the same arithmetic in process", arithmetic.dosesPerSecond(), "doses/s"),
                new Figure("  p99 latency (8 clients)", round.percentileMillis(99), "ms", "/me p99",
                        me.percentileMillis(99), "ms"),
                new Figure("schedule arithmetic alone (in process)", arithmetic.dosesPerSecond(), "doses/s",
                        "bare time-zone conversions", arithmetic.conversionsPerSecond(), "per s"),
                new Figure("as-needed dose recorded", doses.rate(), "writes/s", "audited team write", teams.rate(),
                        "writes/s"));
    }

    record Arithmetic(double dosesPerSecond, double conversionsPerSecond) {}

    /** The round's schedule work for the unit (16 hours of doses), against the conversions it cannot avoid. */
    private static Arithmetic arithmetic(int prescriptions, Duration duration) {
        DoseSchedule schedule = DoseSchedule.timesOfDay(TIMES.stream().map(LocalTime::parse).toArray(LocalTime[]::new));
        LocalDate start = LocalDate.now(LONDON).minusDays(3);
        Instant now = Instant.now();
        long doses = 0;
        long end = System.nanoTime() + duration.toNanos();
        long began = System.nanoTime();
        while (System.nanoTime() < end) {
            for (int p = 0; p < prescriptions; p++) {
                doses += schedule.dueBetween(start, null, BigDecimal.ONE, now.minus(Duration.ofHours(12)),
                        now.plus(Duration.ofHours(4)), LONDON).size();
            }
        }
        double dosesPerSecond = doses / ((System.nanoTime() - began) / 1e9);
        long conversions = 0;
        long sink = 0;
        end = System.nanoTime() + duration.toNanos();
        began = System.nanoTime();
        LocalDate today = LocalDate.now(LONDON);
        while (System.nanoTime() < end) {
            for (int i = 0; i < 1_000; i++) {
                sink += ZonedDateTime.of(today, LocalTime.of(i % 24, 0), LONDON).toInstant().getEpochSecond();
                conversions++;
            }
        }
        if (sink == 42) {
            System.out.print("");
        }
        return new Arithmetic(dosesPerSecond, conversions / ((System.nanoTime() - began) / 1e9));
    }

    private static String get(Server server, Seed seed, String token, String path) throws Exception {
        HttpRequest request = server.request(seed.host(), path).header("Authorization", "Bearer " + token).GET().build();
        return server.http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    private static int count(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
