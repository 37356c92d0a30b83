package org.trackwell.bench;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Scenario 3, until measures and doses land: an audited write (creating a team: one row and its
 * audit entry, one transaction) at 16 clients, against the same rows inserted by a bare JDBC loop
 * at the same concurrency, with the same statements as the server's (the entry and its pending row
 * in one, dated by the same trigger); and the same loop without the audit rows, which shows what
 * the entry costs. The writes run for a few seconds before they are measured, so that the figure
 * is not the JIT compiling the path; the server JVM's CPU per write is printed beside them.
 */
final class WriteScenario {

    private static final String TEAM = "insert into team (tenant_id, id, name) values (cast(? as uuid), ?, ?)";
    private static final String ENTRY = """
            with entry as (
              insert into audit_event (tenant_id, id, actor_type, actor_id, actor_role, action, target, outcome,
                address, user_agent, request_id)
              values (cast(? as uuid), ?, 'USER', ?, 'TENANT_ADMIN', 'team.created', ?, 'SUCCESS', '127.0.0.1', 'bench',
                ?)
              returning tenant_id, id)
            insert into audit_pending (tenant_id, event_id) select tenant_id, id from entry""";

    private WriteScenario() {}

    static List<Figure> run(Server server, Seed seed, Bench.Options options) throws Exception {
        Duration duration = options.duration(15);
        String token = seed.token(server);
        AtomicLong names = new AtomicLong();
        java.util.concurrent.Callable<Integer> write = () -> server.http
                .send(server.request(seed.host(), "/api/v1/teams")
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"name\":\"web team " + names.incrementAndGet() + "\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
        Load.run(16, options.duration(5), write);
        Machine before = Machine.now(server);
        Load.Result web = Load.run(16, duration, write);
        Machine after = Machine.now(server);
        System.out.println(after.since(before, "write web"));
        long written = web.outcomes().getOrDefault(201, 0L);
        String tenant = Jdbc.tenantId(server, "bench");
        Load.Result withAudit = Load.run(16, duration, insertLoop(server, tenant, names, true));
        Load.Result withoutAudit = Load.run(16, duration, insertLoop(server, tenant, names, false));
        return List.of(
                new Figure("audited write POST /api/v1/teams", written / web.seconds(),
                        "writes/s", "same rows over JDBC", withAudit.rate(), "tx/s"),
                new Figure("  p99 latency (16 clients)", web.percentileMillis(99), "ms", "JDBC p99",
                        withAudit.percentileMillis(99), "ms"),
                new Figure("audit entry cost (JDBC)", withAudit.rate(), "tx/s", "row without audit entry",
                        withoutAudit.rate(), "tx/s"),
                Figure.alone("  server JVM CPU per write", (after.serverTicks() - before.serverTicks()) * 10.0 / Math.max(1, written), "ms"));
    }

    private static java.util.concurrent.Callable<Integer> insertLoop(
            Server server, String tenant, AtomicLong names, boolean audited) {
        ThreadLocal<Connection> connections = ThreadLocal.withInitial(() -> Jdbc.connect(server));
        return () -> {
            Connection connection = connections.get();
            Jdbc.setTenant(connection, tenant);
            UUID team = timeOrdered();
            try (PreparedStatement insert = connection.prepareStatement(TEAM)) {
                insert.setString(1, tenant);
                insert.setObject(2, team);
                insert.setString(3, "jdbc team " + names.incrementAndGet());
                insert.executeUpdate();
            }
            if (audited) {
                UUID event = timeOrdered();
                try (PreparedStatement insert = connection.prepareStatement(ENTRY)) {
                    insert.setString(1, tenant);
                    insert.setObject(2, event);
                    insert.setString(3, UUID.randomUUID().toString());
                    insert.setString(4, "team:" + team);
                    insert.setString(5, UUID.randomUUID().toString());
                    insert.executeUpdate();
                }
            }
            connection.commit();
            return 0;
        };
    }

    /** Ids as the server makes them (shared.Ids: UUID version 7), which index at the end, not anywhere. */
    private static UUID timeOrdered() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        long mostSignificant = (System.currentTimeMillis() << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long leastSignificant = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(mostSignificant, leastSignificant);
    }
}
