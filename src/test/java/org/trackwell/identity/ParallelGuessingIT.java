package org.trackwell.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.trackwell.support.Api;
import org.trackwell.support.Https;
import org.trackwell.support.TestMail;
import org.trackwell.support.TrackwellTest;
import org.trackwell.tenancy.Tenants;

/**
 * Wrong guesses sent all at once meet the limits exactly: the address's 20 and the account's 5;
 * right passwords sent all at once all get in.
 * The hashing queue is made long enough for every guess, so that each 429 here is the address
 * block (the queue's own limit is {@link SignInBurstIT}'s).
 */
@TrackwellTest
@TestPropertySource(properties = "trackwell.identity.queued-hashes=64")
class ParallelGuessingIT {

    private static final int GUESSES = 32;

    @LocalServerPort
    int port;

    @Autowired
    Tenants tenants;

    @Autowired
    Accounts accounts;

    @Test
    void thirtyTwoParallelGuessesMeetEachLimitExactly() throws Exception {
        Api api = Api.newTenant(new Https(port), tenants, accounts, "parallel");
        List<Callable<Integer>> guesses = new ArrayList<>();
        for (int i = 0; i < GUESSES; i++) {
            String guess = "parallel guess " + i;
            guesses.add(() -> api.login(api.adminEmail(), guess).statusCode());
        }
        List<Integer> answers = new ArrayList<>();
        try (ExecutorService callers = Executors.newFixedThreadPool(GUESSES)) {
            for (Future<Integer> answer : callers.invokeAll(guesses)) {
                answers.add(answer.get());
            }
        }

        assertThat(answers.stream().filter(status -> status == 401))
                .as("exactly the address's 20 guesses are tried, the rest are blocked: " + answers)
                .hasSize(20);
        assertThat(answers.stream().filter(status -> status == 429)).hasSize(GUESSES - 20);
        assertThat(TestMail.to(api.adminEmail()))
                .as("the account locks once, after exactly its 5 failures")
                .singleElement()
                .satisfies(mail -> assertThat(TestMail.text(mail)).contains("After 5 failed sign-in attempts"));
        assertThat(api.auditActions().stream().filter("sign-in.locked"::equals)).hasSize(1);
        assertThat(api.auditActions().stream().filter("sign-in.address-blocked"::equals))
                .hasSize(1);
    }

    @Test
    void parallelSignInsWithTheRightPasswordAllGetIn() throws Exception {
        Api api = Api.newTenant(new Https(port), tenants, accounts, "rightatonce");
        List<Callable<Integer>> signIns = new ArrayList<>();
        for (int i = 0; i < GUESSES; i++) {
            signIns.add(() -> api.login(api.adminEmail(), Api.GOOD_PASSWORD).statusCode());
        }
        List<Integer> answers = new ArrayList<>();
        try (ExecutorService callers = Executors.newFixedThreadPool(GUESSES)) {
            for (Future<Integer> answer : callers.invokeAll(signIns)) {
                answers.add(answer.get());
            }
        }
        assertThat(answers)
                .as("an attempt still being checked holds a place only until it succeeds: " + answers)
                .containsOnly(200);
    }
}
