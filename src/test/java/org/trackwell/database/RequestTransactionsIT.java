package org.trackwell.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.trackwell.identity.Accounts;
import org.trackwell.outcomes.TherapyRecords;
import org.trackwell.support.Api;
import org.trackwell.support.Https;
import org.trackwell.support.MutableClock;
import org.trackwell.support.PageSession;
import org.trackwell.support.StatementCount;
import org.trackwell.support.TrackwellTest;
import org.trackwell.tenancy.Tenants;

@TrackwellTest
class RequestTransactionsIT {

    @LocalServerPort
    int port;

    @Autowired
    Tenants tenants;

    @Autowired
    Accounts accounts;

    @Autowired
    MeterRegistry meters;

    @Autowired
    MutableClock clock;

    @Test
    void aSignedInRequestOpensNoMoreTransactionsThanItsSessionItsReachCheckAndItsWork() {
        Api api = Api.newTenant(new Https(port), tenants, accounts, "one-transaction");
        String admin = api.signInAsAdmin();
        String team = api.newTeam(admin, "One transaction");
        String practitioner = api.signIn(api.newUserInTeam(admin, "Pat One", team, "PRACTITIONER"), Api.GOOD_PASSWORD);
        String code = Api.read(api.post("/api/v1/clients", Api.json(Map.of("teamId", team)), practitioner))
                .get("code")
                .asString();

        assertThat(fewest(() -> api.get("/api/v1/clients/" + code, practitioner)))
                .as("the session; the reach check and its entry; the record, from the row the reach check found")
                .isEqualTo(new Sent(3, 7));
        assertThat(fewest(() -> api.get("/api/v1/clients", practitioner))).isEqualTo(new Sent(2, 5));
        assertThat(fewest(() -> api.get("/api/v1/me", practitioner))).isEqualTo(new Sent(1, 2));
    }

    @Test
    void theProgressCaseloadReadsItsPageInOneStatementWhateverItsClientsAndMeasures() {
        Api api = Api.newTenant(new Https(port), tenants, accounts, "progress-statements");
        String admin = api.signInAsAdmin();
        String team = api.newTeam(admin, "Progress statements");
        String practitioner =
                api.signIn(api.newUserInTeam(admin, "Pat Progress", team, "PRACTITIONER"), Api.GOOD_PASSWORD);
        TherapyRecords records = new TherapyRecords(api, team, practitioner, clock);
        String first = records.client();
        records.openEpisode(first, 30);
        records.score(first, records.attendedSession(first, 20), "PHQ-9", 12);
        Sent one = fewest(() -> api.get("/api/v1/progress", practitioner));

        for (int i = 0; i < 3; i++) {
            String code = records.client();
            records.openEpisode(code, 30);
            String session = records.attendedSession(code, 10);
            records.score(code, session, "PHQ-9", 9 + i);
            records.score(code, session, "GAD-7", 5 + i);
        }
        records.client();

        assertThat(one)
                .as(
                        "the session; the page, its entry (with its place in the sealing queue), the settings, the session types, the service's time zone and"
                                + " the page's scores, contacts and last attendances")
                .isEqualTo(new Sent(2, 9));
        assertThat(fewest(() -> api.get("/api/v1/progress", practitioner))).isEqualTo(one);
        assertThat(fewest(() -> api.get("/api/v1/progress", practitioner))).isEqualTo(one);
    }

    @Test
    void aPageReadsTheServicesTimeZoneOnceHoweverManyTimesItShows() {
        Api api = Api.newTenant(new Https(port), tenants, accounts, "zone-once");
        String admin = api.signInAsAdmin();
        PageSession page = PageSession.signedIn(api, api.adminEmail(), Api.GOOD_PASSWORD);
        switchMedication(api, admin, false);
        Sent oneChange = fewest(() -> page.get("/admin/settings/changes"));

        switchMedication(api, admin, true);
        switchMedication(api, admin, false);
        switchMedication(api, admin, true);

        assertThat(fewest(() -> page.get("/admin/settings/changes")))
                .as("the same with four changes, each shown with its time, as with one")
                .isEqualTo(oneChange);
    }

    private static void switchMedication(Api api, String admin, boolean on) {
        List<String> used = on ? List.of("OUTCOMES", "MEDICATION") : List.of("OUTCOMES");
        assertThat(api.put("/api/v1/modules-used", Api.json(Map.of("used", used)), admin)
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void anAuditedWriteOpensTwoTransactionsItsSessionsAndItsWork() {
        Api api = Api.newTenant(new Https(port), tenants, accounts, "audited-write");
        String admin = api.signInAsAdmin();
        AtomicInteger names = new AtomicInteger();

        assertThat(fewest(
                                201,
                                () -> api.post(
                                        "/api/v1/teams", Api.json("name", "Team " + names.incrementAndGet()), admin))
                        .transactions())
                .as("the session's lookup; the team, its audit entry and the entry's place in the queue to be sealed")
                .isEqualTo(2);
    }

    @Test
    void manyRefusedRequestsAtOnceAreAllAnsweredThoughEachRecordsItsRefusalOnASecondConnection() throws Exception {
        Api api = Api.newTenant(new Https(port), tenants, accounts, "many-refused");
        String admin = api.signInAsAdmin();
        String theirs = api.newTeam(admin, "Theirs");
        String ours = api.newTeam(admin, "Ours");
        String owner = api.signIn(api.newUserInTeam(admin, "Pat Theirs", theirs, "PRACTITIONER"), Api.GOOD_PASSWORD);
        String outsider = api.signIn(api.newUserInTeam(admin, "Sam Ours", ours, "PRACTITIONER"), Api.GOOD_PASSWORD);
        String code = Api.read(api.post("/api/v1/clients", Api.json(Map.of("teamId", theirs)), owner))
                .get("code")
                .asString();

        List<Integer> answers;
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Integer>> calls = IntStream.range(0, 40)
                    .mapToObj(i -> callers.submit(
                            () -> api.get("/api/v1/clients/" + code, outsider).statusCode()))
                    .toList();
            answers = new ArrayList<>();
            for (Future<Integer> call : calls) {
                answers.add(call.get());
            }
        }
        assertThat(answers)
                .as("more requests at once than the pool has connections")
                .containsOnly(404);
    }

    /** Transactions begun and statements sent by one request. */
    private record Sent(long transactions, long statements) {}

    /**
     * The fewest transactions and statements of five tries, as the service's background jobs begin
     * transactions and send statements of their own.
     */
    private Sent fewest(Supplier<HttpResponse<String>> request) {
        return fewest(200, request);
    }

    private Sent fewest(int status, Supplier<HttpResponse<String>> request) {
        long transactions = Long.MAX_VALUE;
        long statements = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            double begunBefore = begun();
            long sentBefore = StatementCount.sofar();
            assertThat(request.get().statusCode()).isEqualTo(status);
            transactions = Math.min(transactions, Math.round(begun() - begunBefore));
            statements = Math.min(statements, StatementCount.sofar() - sentBefore);
        }
        return new Sent(transactions, statements);
    }

    private double begun() {
        return meters.get("trackwell.database.transactions").counter().count();
    }
}
