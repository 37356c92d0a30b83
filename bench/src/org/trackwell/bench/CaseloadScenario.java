package org.trackwell.bench;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.trackwell.clients.PseudonymCode;

/**
 * Scenario 6: a manager's caseload in a tenant with 100,000 clients (a third with an open
 * episode), at 8 clients: the first page, a filtered page and a deep page (offset 25,000), and one
 * client's record (an audited read), each against GET /api/v1/me in the same run.
 */
final class CaseloadScenario {

    private static final int CLIENTS = 100_000;

    private CaseloadScenario() {}

    static List<Figure> run(Server server, Seed seed, Bench.Options options) throws Exception {
        Duration duration = options.duration(10);
        String admin = seed.token(server);
        String team = Calls.field(Calls.post(server, seed, admin, "/api/v1/teams", "{\"name\":\"Caseload Team\"}"), "id");
        String manager = Calls.staff(server, seed, admin, "manager@bench.test", "MANAGER", team);
        int count = options.clients() > 0 ? options.clients() : options.smoke() ? 2_000 : CLIENTS;
        List<String> codes = seedClients(server, team, count);
        String code = codes.getLast();
        int deepPage = count / 4 / 50;
        // Newest first, the client just before the deep page is the (deepPage × 50)th newest.
        String beforeDeepPage = codes.get(count - deepPage * 50);

        List<Load.Result> loads = Calls.inTurns(server, seed, manager, List.of("/api/v1/clients",
                "/api/v1/clients?status=OPEN&page=10", "/api/v1/clients?page=" + deepPage,
                "/api/v1/clients?after=" + beforeDeepPage, "/api/v1/clients/" + code, "/api/v1/me"), 8, duration);
        Load.Result first = loads.get(0);
        Load.Result open = loads.get(1);
        Load.Result deep = loads.get(2);
        Load.Result keyset = loads.get(3);
        Load.Result record = loads.get(4);
        Load.Result me = loads.get(5);
        String clients = String.format("%,d", count);
        return List.of(
                new Figure("caseload page 1 (" + clients + " clients)", first.rate(), "req/s", "GET /api/v1/me",
                        me.rate(), "req/s"),
                new Figure("  p99 latency (8 clients)", first.percentileMillis(99), "ms", "/me p99",
                        me.percentileMillis(99), "ms"),
                new Figure("caseload open episodes, page 11", open.rate(), "req/s", "GET /api/v1/me", me.rate(),
                        "req/s"),
                new Figure("caseload page at offset 25%", deep.rate(), "req/s", "GET /api/v1/me", me.rate(),
                        "req/s"),
                new Figure("  the same page by keyset (after=)", keyset.rate(), "req/s", "GET /api/v1/me", me.rate(),
                        "req/s"),
                new Figure("client record (audited read)", record.rate(), "req/s", "GET /api/v1/me", me.rate(),
                        "req/s"));
    }

    /** Inserts the clients straight into the tenant's tables, as a migration from another system would. */
    /** Returns the clients' codes, oldest first. */
    static List<String> seedClients(Server server, String team, int count) throws Exception {
        String tenant = Jdbc.tenantId(server, "bench");
        SecureRandom random = new SecureRandom();
        List<String> seeded = new java.util.ArrayList<>(count);
        try (Connection connection = Jdbc.connect(server)) {
            Jdbc.setTenant(connection, tenant);
            String createdBy;
            try (var query = connection.prepareStatement("select id::text from user_account where email = 'manager@bench.test'");
                    var rows = query.executeQuery()) {
                rows.next();
                createdBy = rows.getString(1);
            }
            try (PreparedStatement client = connection.prepareStatement("""
                            insert into client (tenant_id, id, code, team_id, created_at, created_by)
                            values (cast(? as uuid), ?, ?, cast(? as uuid), ?, cast(? as uuid))
                            on conflict (tenant_id, code) do nothing""");
                    PreparedStatement episode = connection.prepareStatement("""
                            insert into episode (tenant_id, id, client_id, referred_on, stage, created_at)
                            values (cast(? as uuid), ?, ?, current_date, 'TREATMENT', now())""")) {
                Instant start = Instant.now().minus(Duration.ofDays(365));
                // About 6 of 100,000 random codes would collide; a collision is skipped by the
                // product's insert and retried, here it is simply drawn again.
                java.util.Set<String> codes = new java.util.HashSet<>();
                for (int i = 0; i < count; i++) {
                    UUID id = UUID.randomUUID();
                    String last;
                    do {
                        last = PseudonymCode.random(random).value();
                    } while (!codes.add(last));
                    seeded.add(last);
                    client.setString(1, tenant);
                    client.setObject(2, id);
                    client.setString(3, last);
                    client.setString(4, team);
                    client.setTimestamp(5, Timestamp.from(start.plusSeconds(i * 300L)));
                    client.setString(6, createdBy);
                    client.addBatch();
                    if (i % 3 == 0) {
                        episode.setString(1, tenant);
                        episode.setObject(2, UUID.randomUUID());
                        episode.setObject(3, id);
                        episode.addBatch();
                    }
                    if (i % 5_000 == 4_999) {
                        client.executeBatch();
                        episode.executeBatch();
                    }
                }
                client.executeBatch();
                episode.executeBatch();
            }
            connection.commit();
        }
        // Autovacuum would analyse the new rows within a minute or two; the bench does not wait.
        try (Connection connection = Jdbc.connectAsOwner(server);
                PreparedStatement analyse = connection.prepareStatement("analyze client; analyze episode")) {
            analyse.execute();
        }
        return seeded;
    }
}
