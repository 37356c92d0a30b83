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
 * at the same concurrency; and the same loop without the audit rows, which shows what the entry
 * costs.
 */
final class WriteScenario {

    private static final String TEAM = "insert into team (tenant_id, id, name) values (cast(? as uuid), ?, ?)";
    private static final String EVENT = """
            insert into audit_event (tenant_id, id, actor_type, actor_id, actor_role, action, target, outcome,
              address, user_agent, request_id)
            values (cast(? as uuid), ?, 'USER', ?, 'TENANT_ADMIN', 'team.created', ?, 'SUCCESS', '127.0.0.1', 'bench', ?)""";
    private static final String PENDING = "insert into audit_pending (tenant_id, event_id) values (cast(? as uuid), ?)";

    private WriteScenario() {}

    static List<Figure> run(Server server, Seed seed, Bench.Options options) throws Exception {
        Duration duration = options.duration(15);
        String token = seed.token(server);
        AtomicLong names = new AtomicLong();
        Load.Result web = Load.run(16, duration, () -> server.http
                .send(server.request(seed.host(), "/api/v1/teams")
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"name\":\"web team " + names.incrementAndGet() + "\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode());
        String tenant = Jdbc.tenantId(server, "bench");
        Load.Result withAudit = Load.run(16, duration, insertLoop(server, tenant, names, true));
        Load.Result withoutAudit = Load.run(16, duration, insertLoop(server, tenant, names, false));
        return List.of(
                new Figure("audited write POST /api/v1/teams", web.outcomes().getOrDefault(201, 0L) / web.seconds(),
                        "writes/s", "same rows over JDBC", withAudit.rate(), "tx/s"),
                new Figure("  p99 latency (16 clients)", web.percentileMillis(99), "ms", "JDBC p99",
                        withAudit.percentileMillis(99), "ms"),
                new Figure("audit entry cost (JDBC)", withAudit.rate(), "tx/s", "row without audit entry",
                        withoutAudit.rate(), "tx/s"));
    }

    private static java.util.concurrent.Callable<Integer> insertLoop(
            Server server, String tenant, AtomicLong names, boolean audited) {
        ThreadLocal<Connection> connections = ThreadLocal.withInitial(() -> Jdbc.connect(server));
        return () -> {
            Connection connection = connections.get();
            Jdbc.setTenant(connection, tenant);
            UUID team = UUID.randomUUID();
            try (PreparedStatement insert = connection.prepareStatement(TEAM)) {
                insert.setString(1, tenant);
                insert.setObject(2, team);
                insert.setString(3, "jdbc team " + names.incrementAndGet());
                insert.executeUpdate();
            }
            if (audited) {
                UUID event = UUID.randomUUID();
                try (PreparedStatement insert = connection.prepareStatement(EVENT);
                        PreparedStatement pending = connection.prepareStatement(PENDING)) {
                    insert.setString(1, tenant);
                    insert.setObject(2, event);
                    insert.setString(3, UUID.randomUUID().toString());
                    insert.setString(4, "team:" + team);
                    insert.setString(5, UUID.randomUUID().toString());
                    insert.executeUpdate();
                    pending.setString(1, tenant);
                    pending.setObject(2, event);
                    pending.executeUpdate();
                }
            }
            connection.commit();
            return 0;
        };
    }
}
