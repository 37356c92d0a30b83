package org.trackwell.bench;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.trackwell.clients.PseudonymCode;

/**
 * Scenario 11: the outcomes report on a team of 100,000 clients, each with one episode of 10
 * attended treatment sessions scored on PHQ-9 and GAD-7 (2,000,000 scores), against the plain SQL
 * aggregate that computes the same figures in the same run (goal: at most twice its time); and an
 * XLSX download of the 100,000 episodes behind "referrals", with the server's peak resident memory;
 * and the progress caseload's first page for the team's manager against the plain caseload page.
 * {@code --clients N} sets the team's size, to measure how these costs grow.
 */
final class ReportScenario {

    private static final int CLIENTS = 100_000;
    private static final int RUNS = 3;

    private ReportScenario() {}

    static List<Figure> run(Server server, Seed seed, Bench.Options options) throws Exception {
        String admin = seed.token(server);
        String team = Calls.field(Calls.post(server, seed, admin, "/api/v1/teams", "{\"name\":\"Report Team\"}"), "id");
        String manager = Calls.staff(server, seed, admin, "report-manager@bench.test", "MANAGER", team);
        int count = options.clients() > 0 ? options.clients() : options.smoke() ? 2_000 : CLIENTS * options.scale();
        seed(server, team, count);
        LocalDate today = LocalDate.now();
        String query = "from=" + today.minusDays(90) + "&to=" + today + "&team=" + team;

        double report = Double.MAX_VALUE;
        double plain = Double.MAX_VALUE;
        for (int i = 0; i < RUNS; i++) {
            report = Math.min(report, timed(() -> get(server, seed, manager, "/api/v1/reports/outcomes?" + query)));
            plain = Math.min(plain, timed(() -> plainAggregate(server, team, today)));
        }
        Duration duration = options.duration(10);
        List<Load.Result> loads = Calls.inTurns(server, seed, manager, List.of("/api/v1/progress", "/api/v1/clients"),
                8, duration);
        Load.Result progress = loads.get(0);
        Load.Result caseload = loads.get(1);
        double peakBefore = peakMegabytes(server.pid());
        long start = System.nanoTime();
        long bytes = xlsx(server, seed, manager, today, team);
        double seconds = (System.nanoTime() - start) / 1e9;
        double peakAfter = peakMegabytes(server.pid());
        String clients = String.format("%,d", count);
        return List.of(
                new Figure("outcomes report (" + clients + " episodes)", report, "ms", "plain SQL aggregate", plain, "ms"),
                new Figure("progress caseload, page 1 of " + clients + " clients", progress.rate(), "req/s",
                        "plain caseload page", caseload.rate(), "req/s"),
                new Figure("  p99 latency (8 clients)", progress.percentileMillis(99), "ms", "caseload p99",
                        caseload.percentileMillis(99), "ms"),
                Figure.alone("XLSX of " + clients + " episodes (" + bytes / 1024 + " KiB)", seconds, "s"),
                new Figure("  server peak RSS after the XLSX", peakAfter, "MB", "peak before", peakBefore, "MB"));
    }

    private interface Work {
        void run() throws Exception;
    }

    private static double timed(Work work) throws Exception {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e6;
    }

    private static void get(Server server, Seed seed, String token, String path) throws Exception {
        HttpRequest request = server.request(seed.host(), path).header("Authorization", "Bearer " + token).GET().build();
        int status = server.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status != 200) {
            throw new IllegalStateException(path + " answered " + status);
        }
    }

    private static long xlsx(Server server, Seed seed, String token, LocalDate today, String team) throws Exception {
        String body = "{\"format\":\"xlsx\",\"figure\":\"referrals\",\"from\":\"" + today.minusDays(90) + "\",\"to\":\""
                + today + "\",\"team\":\"" + team + "\"}";
        HttpRequest request = server.request(seed.host(), "/api/v1/reports/outcomes/export")
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<byte[]> response = server.http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the XLSX answered " + response.statusCode());
        }
        return response.body().length;
    }

    /** The report's figures for the team, in one statement with the definitions written into it. */
    private static void plainAggregate(Server server, String team, LocalDate today) throws Exception {
        String tenant = Jdbc.tenantId(server, "bench");
        try (Connection connection = Jdbc.connect(server)) {
            Jdbc.setTenant(connection, tenant);
            try (PreparedStatement aggregate = connection.prepareStatement("""
                    with scope as (
                      select e.id, e.client_id, e.referred_on, e.closed_on
                      from episode e join client c on c.id = e.client_id
                      where c.team_id = cast(? as uuid) and e.referred_on <= ? and (e.closed_on is null or e.closed_on >= ?)
                    ), sessions as (
                      select s.id, s.episode_id, s.starts_at, s.session_type, s.attendance
                      from scope join client_session s on s.client_id = scope.client_id and s.episode_id = scope.id
                    ), answers as (
                      select a.session_id, a.measure_id, a.total, s.episode_id, s.starts_at
                      from sessions s join measure_answer a on a.session_id = s.id
                      where a.measure_id in ('PHQ-9', 'GAD-7') and a.total is not null
                    ), paired as (
                      select session_id from answers group by session_id having count(distinct measure_id) = 2
                    ), attendance as (
                      select s.episode_id, (array_agg(s.starts_at order by s.starts_at))[1]::date as first_contact,
                             (array_agg(s.starts_at order by s.starts_at))[2]::date as second_contact,
                             count(*) filter (where s.session_type = 'TREATMENT') as contacts,
                             count(*) as attended, count(p.session_id) as paired
                      from sessions s left join paired p on p.session_id = s.id
                      where s.attendance = 'ATTENDED' group by s.episode_id
                    ), scores as (
                      select episode_id,
                             (array_agg(total order by starts_at) filter (where measure_id = 'PHQ-9'))[1] as p1,
                             (array_agg(total order by starts_at desc) filter (where measure_id = 'PHQ-9'))[1] as p2,
                             (array_agg(total order by starts_at) filter (where measure_id = 'GAD-7'))[1] as g1,
                             (array_agg(total order by starts_at desc) filter (where measure_id = 'GAD-7'))[1] as g2
                      from answers group by episode_id
                    ), e as (
                      select * from scope left join attendance x on x.episode_id = scope.id
                      left join scores y on y.episode_id = scope.id)
                    select count(*) filter (where referred_on >= ?),
                           count(*) filter (where closed_on is not null and contacts >= 2),
                           count(*) filter (where closed_on is not null and contacts >= 2 and (p1 >= 10 or g1 >= 8)
                             and not (p2 >= 10 or g2 >= 8)),
                           count(*) filter (where closed_on is not null and contacts >= 2 and (p1 - p2 >= 6 or g1 - g2 >= 4)
                             and not (p2 - p1 >= 6 or g2 - g1 >= 4)),
                           sum(attended), sum(paired), avg(first_contact - referred_on), avg(second_contact - first_contact)
                    from e""")) {
                aggregate.setString(1, team);
                aggregate.setObject(2, today);
                aggregate.setObject(3, today.minusDays(90));
                aggregate.setObject(4, today.minusDays(90));
                try (ResultSet rows = aggregate.executeQuery()) {
                    rows.next();
                }
            }
            connection.commit();
        }
    }

    /** Clients in Java (their codes must be valid), then episodes, sessions and scores in SQL. */
    private static void seed(Server server, String team, int count) throws Exception {
        String tenant = Jdbc.tenantId(server, "bench");
        SecureRandom random = new SecureRandom();
        try (Connection connection = Jdbc.connect(server)) {
            Jdbc.setTenant(connection, tenant);
            String manager;
            try (var query = connection.prepareStatement(
                            "select id::text from user_account where email = 'report-manager@bench.test'");
                    var rows = query.executeQuery()) {
                rows.next();
                manager = rows.getString(1);
            }
            Set<String> codes = new HashSet<>();
            try (PreparedStatement existing = connection.prepareStatement("select code from client");
                    ResultSet rows = existing.executeQuery()) {
                while (rows.next()) {
                    codes.add(rows.getString(1));
                }
            }
            try (PreparedStatement client = connection.prepareStatement("""
                    insert into client (tenant_id, id, code, team_id, created_at, created_by)
                    values (cast(? as uuid), ?, ?, cast(? as uuid), ?, cast(? as uuid))""")) {
                for (int i = 0; i < count; i++) {
                    String code;
                    do {
                        code = PseudonymCode.random(random).value();
                    } while (!codes.add(code));
                    client.setString(1, tenant);
                    client.setObject(2, UUID.randomUUID());
                    client.setString(3, code);
                    client.setString(4, team);
                    client.setTimestamp(5, Timestamp.from(Instant.now()));
                    client.setString(6, manager);
                    client.addBatch();
                    if (i % 5_000 == 4_999) {
                        client.executeBatch();
                    }
                }
                client.executeBatch();
            }
            for (String statement : List.of(
                    """
                    insert into episode (tenant_id, id, client_id, referred_on, stage, closed_on, created_at)
                    select c.tenant_id, gen_random_uuid(), c.id, current_date - 60 - (abs(hashtext(c.code)) % 30),
                      'COMPLETION', case when abs(hashtext(c.code)) % 2 = 0 then current_date - (abs(hashtext(c.code)) % 5) end,
                      now()
                    from client c where c.team_id = cast(? as uuid)""",
                    """
                    insert into client_session (tenant_id, id, client_id, episode_id, starts_at, practitioner_id,
                      session_type, mode, attendance, planned_measures, created_at, created_by)
                    select e.tenant_id, gen_random_uuid(), e.client_id, e.id, e.referred_on + 7 + k * 5 + time '10:00',
                      cast(? as uuid), 'TREATMENT', 'FACE_TO_FACE', 'ATTENDED', 'PHQ-9,GAD-7', now(), cast(? as uuid)
                    from episode e join client c on c.id = e.client_id, generate_series(0, 9) k
                    where c.team_id = cast(? as uuid)""",
                    """
                    insert into measure_answer (tenant_id, id, client_id, session_id, measure_id, measure_version,
                      answers, total, is_case, risk, completed_by, recorded_at)
                    select s.tenant_id, gen_random_uuid(), s.client_id, s.id, m.id, 1, '\\x00'::bytea,
                      (abs(hashtext(s.id::text || m.id)) % m.top), false, false, 'PRACTITIONER', s.starts_at
                    from client_session s join client c on c.id = s.client_id,
                      (values ('PHQ-9', 28), ('GAD-7', 22)) m(id, top)
                    where c.team_id = cast(? as uuid)""",
                    // Kept by the server with each answer; seeded here as the migration back-fills it.
                    """
                    insert into episode_scores (tenant_id, episode_id, measure_id, client_id, scored,
                      first_total, first_starts_at, first_recorded_at, first_answer_id,
                      latest_total, latest_band, latest_starts_at, latest_recorded_at, latest_answer_id, risk)
                    select s.tenant_id, s.episode_id, a.measure_id, s.client_id, count(a.total),
                      (array_agg(a.total order by s.starts_at, a.recorded_at, a.id))[1],
                      min(s.starts_at), (array_agg(a.recorded_at order by s.starts_at, a.recorded_at, a.id))[1],
                      (array_agg(a.id order by s.starts_at, a.recorded_at, a.id))[1],
                      (array_agg(a.total order by s.starts_at desc, a.recorded_at desc, a.id desc))[1],
                      (array_agg(a.band order by s.starts_at desc, a.recorded_at desc, a.id desc))[1],
                      max(s.starts_at),
                      (array_agg(a.recorded_at order by s.starts_at desc, a.recorded_at desc, a.id desc))[1],
                      (array_agg(a.id order by s.starts_at desc, a.recorded_at desc, a.id desc))[1], bool_or(a.risk)
                    from measure_answer a join client_session s on s.id = a.session_id join client c on c.id = s.client_id
                    where c.team_id = cast(? as uuid)
                    group by s.tenant_id, s.episode_id, s.client_id, a.measure_id""")) {
                try (PreparedStatement insert = connection.prepareStatement(statement)) {
                    int parameters = (int) statement.chars().filter(c -> c == '?').count();
                    for (int p = 1; p < parameters; p++) {
                        insert.setString(p, manager);
                    }
                    insert.setString(parameters, team);
                    insert.execute();
                }
            }
            connection.commit();
        }
        try (Connection connection = Jdbc.connectAsOwner(server);
                PreparedStatement analyse = connection.prepareStatement(
                        "analyze client; analyze episode; analyze client_session; analyze measure_answer; analyze episode_scores")) {
            analyse.execute();
        }
    }

    /** The most the server's process has ever held in memory (VmHWM). */
    private static double peakMegabytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
        } catch (java.io.IOException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }
}
