package org.trackwell.bench;

import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.trackwell.audit.internal.ChainHash;
import org.trackwell.audit.internal.StoredEvent;

/**
 * Scenario 4: seals a trail of a million entries (seeded straight into the tables, as if written by
 * requests, dated by the database as it writes them) and verifies it with the operator command, reading from the database; against raw
 * SHA-256 of the same entries in this JVM.
 */
final class AuditVerificationScenario {

    private static final String SEED = """
            with seeded as (
              select gen_random_uuid() as id, n from generate_series(1, ?) n)
            , events as (
              insert into audit_event (tenant_id, id, actor_type, actor_id, actor_role, action, target, outcome,
                address, user_agent, request_id)
              select cast(? as uuid), id, 'USER', gen_random_uuid()::text, 'PRACTITIONER', 'client.viewed',
                'client:K7F3-QX9' || (n % 100000), 'SUCCESS', '10.0.0.' || (n % 250), 'Mozilla/5.0 bench',
                gen_random_uuid()::text
              from seeded returning tenant_id, id)
            insert into audit_pending (tenant_id, event_id) select tenant_id, id from events""";

    private AuditVerificationScenario() {}

    static List<Figure> run(Server server, Bench.Options options) throws Exception {
        int entries = options.smoke() ? 20_000 : 1_000_000 * options.scale();
        String tenant = Jdbc.tenantId(server, "bench");
        try (Connection connection = Jdbc.connect(server)) {
            for (int done = 0; done < entries; done += 100_000) {
                Jdbc.setTenant(connection, tenant);
                try (PreparedStatement seed = connection.prepareStatement(SEED)) {
                    int batch = Math.min(100_000, entries - done);
                    seed.setInt(1, batch);
                    seed.setString(2, tenant);
                    seed.executeUpdate();
                }
                connection.commit();
            }
        }
        long start = System.nanoTime();
        while (pending(server) > 0) {
            Thread.sleep(200);
        }
        double sealSeconds = (System.nanoTime() - start) / 1e9;

        double[] verify = verify(server, Map.of());
        double[] again = verify(server, options.jfr() == null
                ? Map.of()
                : Map.of("JAVA_TOOL_OPTIONS", "-XX:StartFlightRecording=settings=profile,filename=" + options.jfr()
                        + ".verify.jfr"));
        long checked = (long) verify[0];
        double rawRate = rawSha256Rate(UUID.fromString(tenant), checked);
        double readRate = checked / copySeconds(server, tenant);
        double scanRate = checked / scanSeconds(server, tenant);
        return List.of(
                Figure.alone("audit entries sealed", entries / sealSeconds, "entries/s"),
                new Figure("audit verify (from the database)", checked / verify[1], "entries/s",
                        "raw SHA-256 chain, same JVM", rawRate, "entries/s"),
                new Figure("  the same, run again", checked / again[1], "entries/s",
                        "PostgreSQL's read of its links and entries alone", readRate, "entries/s"),
                new Figure("  PostgreSQL's read alone", readRate, "entries/s",
                        "its two ordered scans alone, without sending (EXPLAIN ANALYZE)", scanRate, "entries/s"),
                Figure.alone("  entries verified", checked, "entries"));
    }

    /** The entries `audit verify` checked, and its own time for them. */
    private static double[] verify(Server server, Map<String, String> changed) throws Exception {
        String output = server.operator(changed, "audit", "verify", "--tenant", "bench");
        Matcher verified = Pattern.compile("OK\\s+(\\d+) entries, \\d+ checkpoints, in ([0-9.]+) s").matcher(output);
        if (!verified.find()) {
            throw new IllegalStateException("verification failed: " + output);
        }
        return new double[] {Long.parseLong(verified.group(1)), Double.parseDouble(verified.group(2))};
    }

    /**
     * The database's part alone: the stream's links in sequence order and its entries in time order,
     * each copied out in PostgreSQL's binary format and thrown away, as verification reads them.
     */
    private static double copySeconds(Server server, String tenant) throws Exception {
        try (Connection connection = Jdbc.connect(server)) {
            Jdbc.setTenant(connection, tenant);
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            long start = System.nanoTime();
            copy.copyOut("copy (select seq, event_id, hash from audit_seal where tenant_id = '" + tenant
                    + "' order by seq) to stdout (format binary)", OutputStream.nullOutputStream());
            copy.copyOut("copy (select tenant_id, id, occurred_at, actor_type, actor_id, actor_role, action, target,"
                    + " outcome, address, user_agent, request_id from audit_event where tenant_id = '" + tenant
                    + "' order by occurred_at, id) to stdout (format binary)", OutputStream.nullOutputStream());
            double seconds = (System.nanoTime() - start) / 1e9;
            connection.commit();
            return seconds;
        }
    }

    /** PostgreSQL's own time for the two ordered scans, their rows made but not sent. */
    private static double scanSeconds(Server server, String tenant) throws Exception {
        double milliseconds = 0;
        try (Connection connection = Jdbc.connect(server)) {
            Jdbc.setTenant(connection, tenant);
            for (String scan : List.of(
                    "select seq, event_id, hash from audit_seal where tenant_id = '" + tenant + "' order by seq",
                    "select tenant_id, id, occurred_at, actor_type, actor_id, actor_role, action, target, outcome, address,"
                            + " user_agent, request_id from audit_event where tenant_id = '" + tenant
                            + "' order by occurred_at, id")) {
                try (PreparedStatement explain =
                                connection.prepareStatement("explain (analyze, timing off, format json) " + scan);
                        ResultSet plan = explain.executeQuery()) {
                    plan.next();
                    Matcher time = Pattern.compile("\"Execution Time\": ([0-9.]+)").matcher(plan.getString(1));
                    time.find();
                    milliseconds += Double.parseDouble(time.group(1));
                }
            }
            connection.commit();
        }
        return milliseconds / 1000;
    }

    private static long pending(Server server) throws Exception {
        try (Connection connection = Jdbc.connect(server);
                PreparedStatement count = connection.prepareStatement("select count(*) from audit_pending");
                ResultSet rows = count.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static double rawSha256Rate(UUID tenant, long count) {
        StoredEvent sample = new StoredEvent(tenant, UUID.randomUUID(), Instant.now(), "USER",
                UUID.randomUUID().toString(), "PRACTITIONER", "client.viewed", "client:K7F3-QX91234", "SUCCESS",
                "10.0.0.12", "Mozilla/5.0 bench", UUID.randomUUID().toString());
        byte[] hash = ChainHash.GENESIS;
        long start = System.nanoTime();
        for (long i = 0; i < count; i++) {
            hash = ChainHash.next(hash, sample);
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }
}
