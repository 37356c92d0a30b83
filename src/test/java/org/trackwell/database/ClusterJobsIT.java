package org.trackwell.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.trackwell.database.internal.JobTurns;
import org.trackwell.support.ServiceProcess;
import org.trackwell.support.TestPostgres;
import org.trackwell.support.TrackwellTest;

/** Two nodes on one database, each scheduling the same job: at each turn one of them runs it. */
@TrackwellTest
class ClusterJobsIT {

    private static final Duration TURN = Duration.ofSeconds(30);

    @Autowired
    JobTurns turns;

    @Test
    void runsAJobOnceWhenTwoNodesReachItTogether() throws Exception {
        String job = "test-" + UUID.randomUUID();
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch together = new CountDownLatch(2);
        Runnable work = () -> {
            runs.incrementAndGet();
            ServiceProcess.pause(Duration.ofMillis(300));
        };
        try (ExecutorService nodes = Executors.newFixedThreadPool(2)) {
            List<Future<Boolean>> ran = List.of("node-a", "node-b").stream()
                    .map(node -> nodes.submit(() -> {
                        together.countDown();
                        together.await();
                        return turns.take(job, TURN, node, work);
                    }))
                    .toList();
            assertThat(List.of(ran.get(0).get(), ran.get(1).get())).containsExactlyInAnyOrder(true, false);
        }
        assertThat(runs).hasValue(1);
    }

    @Test
    void skipsATurnAnotherNodeHasJustTaken() {
        String job = "test-" + UUID.randomUUID();
        assertThat(turns.take(job, TURN, "node-a", () -> {})).isTrue();
        assertThat(turns.take(job, TURN, "node-b", () -> {})).isFalse();
        assertThat(turns.take(job, TURN, "node-a", () -> {})).isFalse();
        assertThat(recorded(job)).isEqualTo("1 node-a");
    }

    @Test
    void anotherNodeRunsTheJobOnceItsTurnHasPassed() {
        String job = "test-" + UUID.randomUUID();
        Duration shortTurn = Duration.ofMillis(200);
        assertThat(turns.take(job, shortTurn, "node-a", () -> {})).isTrue();
        ServiceProcess.pause(Duration.ofMillis(400));
        assertThat(turns.take(job, shortTurn, "node-b", () -> {})).isTrue();
        assertThat(recorded(job)).isEqualTo("2 node-b");
    }

    private static String recorded(String job) {
        return JdbcClient.create(TestPostgres.asSuperuser())
                .sql("select turns || ' ' || started_by from cluster_job where job = :job")
                .param("job", job)
                .query((row, n) -> row.getString(1))
                .single();
    }
}
