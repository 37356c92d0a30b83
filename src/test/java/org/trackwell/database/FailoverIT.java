package org.trackwell.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.trackwell.shared.DirectoryTrees;
import org.trackwell.support.HaCluster;
import org.trackwell.support.ServiceProcess;
import org.trackwell.support.TeamWriter;

/**
 * The deployment in deploy/ha under an API write load through HAProxy, on this machine's loopback:
 * the Patroni leader killed, the next leader's postmaster paused for 20 s, a Trackwell node killed
 * and an etcd member stopped, one after another. After each, writes resume and the time without
 * them is printed; at the end no acknowledged write is lost and the audit chains verify. Runs in
 * the {@code failover} profile, which {@code ./bin/test} turns on after installing Debian's
 * patroni, etcd-server, etcd-client, haproxy and postgresql.
 */
@Tag("failover")
class FailoverIT {

    private static final Duration RECOVERY = Duration.ofSeconds(90);
    private static final int MISSED_DOSE_SECONDS = 2;

    private final Map<String, Duration> withoutWrites = new LinkedHashMap<>();

    @Test
    void losesNoAcknowledgedWriteThroughFailures() throws Exception {
        // Under target, not the temporary directory, whose own directories PostgreSQL's account cannot enter.
        Path directory = Path.of("target/ha-cluster").toAbsolutePath();
        DirectoryTrees.delete(directory);
        try (HaCluster cluster = HaCluster.start(
                directory,
                Map.of(
                        "HA_TTL", "8",
                        "HA_LOOP_WAIT", "1",
                        "HA_RETRY_TIMEOUT", "3",
                        "TRACKWELL_IDENTITY_DEFAULT_SECOND_FACTOR_ROLES", "",
                        "TRACKWELL_MEDICATION_MISSED_DOSE_INTERVAL", MISSED_DOSE_SECONDS + "s"))) {
            String token = cluster.signInAsFirstAdmin();
            TeamWriter writer = new TeamWriter(cluster::front, cluster.host(), cluster::logs, token, 4);
            writer.awaitMore(10, RECOVERY);

            jobRunsOncePerTurnAcrossBothNodes(cluster);

            String leader = cluster.leader().orElseThrow();
            long killed = System.nanoTime();
            cluster.killMember(leader);
            String next = cluster.awaitNewLeader(leader, RECOVERY);
            writer.awaitMore(10, RECOVERY);
            withoutWrites.put(
                    "Patroni leader " + leader + " killed (kill -9), " + next + " promoted",
                    writer.longestGapSince(killed));

            long paused = System.nanoTime();
            long postmaster = cluster.postmasterPid(next);
            HaCluster.signal("STOP", postmaster);
            ServiceProcess.pause(Duration.ofSeconds(20));
            HaCluster.signal("CONT", postmaster);
            writer.awaitMore(10, RECOVERY);
            withoutWrites.put("leader's postmaster paused 20 s (SIGSTOP)", writer.longestGapSince(paused));

            long nodeKilled = System.nanoTime();
            cluster.killNode(1);
            writer.awaitMore(10, RECOVERY);
            withoutWrites.put("Trackwell node 1 killed (kill -9)", writer.longestGapSince(nodeKilled));
            HttpResponse<String> stillSignedIn = cluster.front()
                    .get(
                            cluster.host(),
                            "/api/v1/teams",
                            "Accept",
                            "application/json",
                            "Authorization",
                            "Bearer " + token);
            assertThat(stillSignedIn.statusCode())
                    .as("signed in through the other node")
                    .isEqualTo(200);

            long etcdStopped = System.nanoTime();
            cluster.stopEtcd(1);
            writer.awaitMore(10, RECOVERY);
            withoutWrites.put("etcd member 1 stopped", writer.longestGapSince(etcdStopped));
            assertThat(cluster.leader())
                    .as("Patroni keeps a leader with two of three etcd members")
                    .isPresent();

            writer.close();
            Set<String> lost = new HashSet<>(writer.acknowledged());
            lost.removeAll(TeamWriter.teamsIn(cluster.front(), cluster.host(), token));
            ServiceProcess.CommandResult verify = cluster.operator("audit", "verify");

            report(writer, lost, verify);
            assertThat(lost).as("acknowledged writes lost").isEmpty();
            assertThat(verify.exit()).as(verify.output()).isZero();
        }
    }

    /** Both nodes schedule the missed-dose watch every 2 s; together they run it at most once a turn. */
    private static void jobRunsOncePerTurnAcrossBothNodes(HaCluster cluster) throws SQLException {
        long before = turns(cluster);
        Duration window = Duration.ofSeconds(10);
        ServiceProcess.pause(window);
        long ran = turns(cluster) - before;
        System.out.printf(
                "missed-dose watch (every %d s on each of 2 nodes) ran %d times in %d s%n",
                MISSED_DOSE_SECONDS, ran, window.toSeconds());
        assertThat(ran).isBetween(2L, window.toSeconds() * 10 / (MISSED_DOSE_SECONDS * 9) + 1);
    }

    private static long turns(HaCluster cluster) throws SQLException {
        try (Connection connection = cluster.superuser();
                ResultSet row = connection
                        .createStatement()
                        .executeQuery(
                                "select coalesce(sum(turns), 0) from cluster_job where job = 'missed-dose-watch'")) {
            row.next();
            return row.getLong(1);
        }
    }

    private void report(TeamWriter writer, Set<String> lost, ServiceProcess.CommandResult verify) {
        StringBuilder report =
                new StringBuilder("\nFailover under load (4 writers through HAProxy, 2 Trackwell nodes):\n");
        withoutWrites.forEach((fault, gap) ->
                report.append(String.format("  %-60s %5.1f s without writes%n", fault, gap.toMillis() / 1000.0)));
        report.append(String.format(
                "  acknowledged writes: %d, lost: %d; answers %s%n",
                writer.acknowledgedCount(), lost.size(), writer.answers()));
        report.append("  audit verify: ")
                .append(verify.exit() == 0 ? "OK" : "FAILED")
                .append('\n');
        System.out.print(report);
    }
}
