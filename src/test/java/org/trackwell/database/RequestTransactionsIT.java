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
import org.trackwell.support.Api;
import org.trackwell.support.Https;
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

    @Test
    void aSignedInRequestOpensNoMoreTransactionsThanItsSessionItsReachCheckAndItsWork() {
        Api api = Api.newTenant(new Https(port), tenants, accounts, "one-transaction");
        String admin = api.signInAsAdmin();
        String team = api.newTeam(admin, "One transaction");
        String practitioner = api.signIn(api.newUserInTeam(admin, "Pat One", team, "PRACTITIONER"), Api.GOOD_PASSWORD);
        String code = Api.read(api.post("/api/v1/clients", Api.json(Map.of("teamId", team)), practitioner))
                .get("code")
                .asString();

        assertThat(fewestTransactions(() -> api.get("/api/v1/clients/" + code, practitioner)))
                .isLessThanOrEqualTo(3);
        assertThat(fewestTransactions(() -> api.get("/api/v1/clients", practitioner)))
                .isLessThanOrEqualTo(2);
        assertThat(fewestTransactions(() -> api.get("/api/v1/me", practitioner)))
                .isEqualTo(1);
    }

    @Test
    void anAuditedWriteOpensTwoTransactionsItsSessionsAndItsWork() {
        Api api = Api.newTenant(new Https(port), tenants, accounts, "audited-write");
        String admin = api.signInAsAdmin();
        AtomicInteger names = new AtomicInteger();

        assertThat(fewestTransactions(
                        201,
                        () -> api.post("/api/v1/teams", Api.json("name", "Team " + names.incrementAndGet()), admin)))
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

    /** The fewest of five tries, as the service's background jobs begin transactions of their own. */
    private long fewestTransactions(Supplier<HttpResponse<String>> request) {
        return fewestTransactions(200, request);
    }

    private long fewestTransactions(int status, Supplier<HttpResponse<String>> request) {
        long fewest = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            double before = begun();
            assertThat(request.get().statusCode()).isEqualTo(status);
            fewest = Math.min(fewest, Math.round(begun() - before));
        }
        return fewest;
    }

    private double begun() {
        return meters.get("trackwell.database.transactions").counter().count();
    }
}
