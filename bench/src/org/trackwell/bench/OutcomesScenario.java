package org.trackwell.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Scenario 7: a practitioner's outcomes work with 50 clients, each with 6 sessions scored on the
 * PHQ-9. Recording a session and its PHQ-9 (two audited writes, the answers sealed) against two
 * audited team writes; one client's progress against GET /api/v1/me; and the progress caseload
 * (latest score, change and last seen for 50 clients) against the plain caseload page.
 */
final class OutcomesScenario {

    private static final String PHQ9 = "{\"measure\":\"PHQ-9\",\"answers\":{\"1\":2,\"2\":2,\"3\":1,\"4\":2,\"5\":1,"
            + "\"6\":1,\"7\":1,\"8\":1,\"9\":0}}";

    private OutcomesScenario() {}

    static List<Figure> run(Server server, Seed seed, Bench.Options options) throws Exception {
        Duration duration = options.duration(10);
        String admin = seed.token(server);
        String team = Calls.field(Calls.post(server, seed, admin, "/api/v1/teams", "{\"name\":\"Outcomes Team\"}"), "id");
        String practitioner = Calls.staff(server, seed, admin, "practitioner@bench.test", "PRACTITIONER", team);
        int clients = options.smoke() ? 10 : 50;
        List<String> codes = new ArrayList<>();
        Instant start = Instant.now().minus(Duration.ofDays(60)).truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < clients; i++) {
            String code = Calls.field(
                    Calls.post(server, seed, practitioner, "/api/v1/clients", "{\"teamId\":\"" + team + "\"}"), "code");
            Calls.post(server, seed, practitioner, "/api/v1/clients/" + code + "/episodes",
                    "{\"referredOn\":\"" + start.toString().substring(0, 10) + "\"}");
            for (int s = 0; s < 6; s++) {
                recordSessionWithPhq9(server, seed, practitioner, code, start.plus(Duration.ofDays(7L * s + 1)));
            }
            codes.add(code);
        }
        String code = codes.getFirst();
        AtomicLong minutes = new AtomicLong();
        Load.Result recorded = Load.run(4, duration, () -> {
            recordSessionWithPhq9(
                    server, seed, practitioner, code, Instant.now().minus(Duration.ofMinutes(minutes.incrementAndGet())));
            return 201;
        });
        Load.Result teams = Calls.auditedTeamWrites(server, seed, admin, 2, duration);
        List<Load.Result> loads = Calls.inTurns(server, seed, practitioner, List.of("/api/v1/me",
                "/api/v1/clients/" + codes.getLast() + "/progress", "/api/v1/clients", "/api/v1/progress"), 8, duration);
        Load.Result me = loads.get(0);
        Load.Result progress = loads.get(1);
        Load.Result caseload = loads.get(2);
        Load.Result progressCaseload = loads.get(3);
        return List.of(
                new Figure("session + PHQ-9 recorded", recorded.rate(), "pairs/s", "two audited team writes",
                        teams.rate(), "pairs/s"),
                new Figure("client progress (6 PHQ-9 scores)", progress.rate(), "req/s", "GET /api/v1/me", me.rate(),
                        "req/s"),
                new Figure("progress caseload (" + clients + " clients)", progressCaseload.rate(), "req/s",
                        "plain caseload page", caseload.rate(), "req/s"),
                new Figure("  p99 latency (8 clients)", progressCaseload.percentileMillis(99), "ms", "caseload p99",
                        caseload.percentileMillis(99), "ms"));
    }

    private static void recordSessionWithPhq9(Server server, Seed seed, String token, String code, Instant at)
            throws Exception {
        String session = Calls.field(Calls.post(server, seed, token, "/api/v1/clients/" + code + "/sessions",
                "{\"startsAt\":\"" + at + "\",\"type\":\"TREATMENT\",\"mode\":\"FACE_TO_FACE\",\"attendance\":\"ATTENDED\"}"),
                "id");
        Calls.post(server, seed, token, "/api/v1/clients/" + code + "/sessions/" + session + "/measures", PHQ9);
    }
}
