package org.trackwell.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.trackwell.support.Api;
import org.trackwell.support.Https;
import org.trackwell.support.TrackwellTest;
import org.trackwell.tenancy.Tenants;

/**
 * A burst of sign-ins with the right password, from the outside, against two hashing threads with
 * room for two more sign-ins in their queue. Right passwords, so that no failure counts towards
 * the account's lock or the address's block: every 429 here is the hashing limit. Each hash takes
 * four times the usual work. How long the answers take is measured by the bench's login burst, not
 * asserted here (this machine's speed varies).
 */
@TrackwellTest
@TestPropertySource(
        properties = {
            "trackwell.identity.concurrent-hashes=2",
            "trackwell.identity.queued-hashes=2",
            "trackwell.identity.argon2-iterations=8"
        })
class SignInBurstIT {

    private static final int BURST = 64;

    @LocalServerPort
    int port;

    @Autowired
    Tenants tenants;

    @Autowired
    Accounts accounts;

    Api api;

    @BeforeEach
    void tenant() {
        api = Api.newTenant(new Https(port), tenants, accounts, "burst");
    }

    @Test
    void turnsAwayWhatTheHashingThreadsCannotTakeAtOnceWith429AndRetryAfter() throws Exception {
        List<Answer> answers = burstOfSignIns().get(60, TimeUnit.SECONDS);

        assertThat(answers).extracting(Answer::status).containsOnly(200, 429).contains(200, 429);
        assertThat(answers).filteredOn(answer -> answer.status() == 429).allSatisfy(refused -> {
            assertThat(refused.response().headers().firstValue("Retry-After"))
                    .hasValueSatisfying(
                            seconds -> assertThat(Long.parseLong(seconds)).isPositive());
            assertThat(refused.response().headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(Api.read(refused.response()).get("title").asString()).isEqualTo("Too many attempts");
        });
    }

    @Test
    void healthAnswersWhileABurstOfSignInsRuns() throws Exception {
        CompletableFuture<List<Answer>> burst = burstOfSignIns();
        List<Answer> checks = new ArrayList<>();
        do {
            checks.add(Answer.of(() -> api.https().get("localhost", "/health")));
        } while (!burst.isDone());

        assertThat(burst.get(60, TimeUnit.SECONDS)).extracting(Answer::status).contains(429);
        assertThat(checks)
                .isNotEmpty()
                .allSatisfy(check -> assertThat(check.status()).isEqualTo(200));
    }

    /**
     * {@value #BURST} sign-ins let go at the same moment, each from a client of its own whose
     * connection is already open, so that the burst measures the server rather than TLS set-up.
     */
    private CompletableFuture<List<Answer>> burstOfSignIns() throws InterruptedException {
        CountDownLatch ready = new CountDownLatch(BURST);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(BURST);
        List<Future<Answer>> calls = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            calls.add(clients.submit(() -> {
                try (Https https = new Https(port)) {
                    Api own = new Api(https, api.tenant());
                    own.get("/health", null);
                    ready.countDown();
                    go.await();
                    return Answer.of(() -> own.login(api.adminEmail(), Api.GOOD_PASSWORD));
                }
            }));
        }
        ready.await(30, TimeUnit.SECONDS);
        go.countDown();
        return CompletableFuture.supplyAsync(() -> {
            try (clients) {
                List<Answer> answers = new ArrayList<>();
                for (Future<Answer> call : calls) {
                    answers.add(call.get(60, TimeUnit.SECONDS));
                }
                return answers;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private record Answer(HttpResponse<String> response) {

        static Answer of(Supplier<HttpResponse<String>> call) {
            return new Answer(call.get());
        }

        int status() {
            return response.statusCode();
        }
    }
}
