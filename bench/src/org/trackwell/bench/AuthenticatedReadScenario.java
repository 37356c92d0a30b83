package org.trackwell.bench;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/**
 * Scenario 2, until client records land: an authenticated API read (token check, tenant from the
 * host, row-level security) at 32 clients, against the same statements run directly through JDBC
 * by as many threads, one transaction each, with no web layer.
 */
final class AuthenticatedReadScenario {

    /** The statements the server runs for an authenticated GET /api/v1/me. */
    private static final String SESSION_QUERY = """
            select s.user_id, a.email, a.display_name, s.last_used_at, s.expires_at, s.verified_at,
              (select string_agg(r.role, ',') from user_role r where r.user_id = s.user_id) as roles,
              (select string_agg(m.team_id::text, ',') from team_member m where m.user_id = s.user_id) as teams,
              (select p.idle_timeout_seconds from security_policy p) as idle,
              coalesce((select exists (select 1 from terms_acceptance t where t.user_id = s.user_id
                  and t.version = c.version)
                from terms_of_use c order by c.published_at desc limit 1), true) as terms_accepted,
              not exists (select 1 from totp_factor f where f.user_id = s.user_id and f.confirmed_at is not null)
                and exists (select 1 from user_role r where r.user_id = s.user_id and r.role = any(string_to_array(
                  coalesce((select p.second_factor_roles from security_policy p), ''), ','))) as must_enrol
            from user_session s join user_account a on a.tenant_id = s.tenant_id and a.id = s.user_id
            where s.token_hash = ? and s.revoked_at is null and a.status = 'ACTIVE'""";

    private AuthenticatedReadScenario() {}

    static List<Figure> run(Server server, Seed seed, Bench.Options options) throws Exception {
        Duration duration = options.duration(20);
        String token = seed.token(server);
        HttpRequest me = server.request(seed.host(), "/api/v1/me")
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
        Load.Result web = Load.run(32, duration, () -> server.http
                .send(me, HttpResponse.BodyHandlers.discarding())
                .statusCode());

        String tokenHash = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        String tenant = Jdbc.tenantId(server, "bench");
        ThreadLocal<Connection> connections = ThreadLocal.withInitial(() -> Jdbc.connect(server));
        Load.Result jdbc = Load.run(32, duration, () -> {
            Connection connection = connections.get();
            Jdbc.setTenant(connection, tenant);
            try (PreparedStatement query = connection.prepareStatement(SESSION_QUERY)) {
                query.setString(1, tokenHash);
                try (ResultSet rows = query.executeQuery()) {
                    rows.next();
                }
                connection.commit();
            }
            return 0;
        });
        return List.of(
                new Figure("authenticated GET /api/v1/me", web.outcomes().getOrDefault(200, 0L) / web.seconds(),
                        "req/s", "same statements over JDBC", jdbc.rate(), "tx/s"),
                new Figure("  p50 latency (32 clients)", web.percentileMillis(50), "ms", "JDBC p50",
                        jdbc.percentileMillis(50), "ms"),
                new Figure("  p99 latency (32 clients)", web.percentileMillis(99), "ms", "JDBC p99",
                        jdbc.percentileMillis(99), "ms"));
    }
}
