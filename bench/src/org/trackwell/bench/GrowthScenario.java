package org.trackwell.bench;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scenario 12: how costs grow with the installation. The same 100 tenants are topped up to 10,000
 * clients in all, then to each tenfold up to {@code --clients} (so 100, 1,000, 10,000 a tenant), and
 * at each size one tenant's manager, who reaches all its clients, measures the caseload's first
 * page, a page a quarter deep by keyset, a client's record, the outcomes report and the
 * verification of the tenant's audit trail, each against GET /api/v1/me in the same run.
 * With {@code --data DIR} the seeded tenants are kept for the next run, which tops them up.
 */
final class GrowthScenario {

    private static final int TENANTS = 100;
    private static final int REPORT_RUNS = 3;

    private GrowthScenario() {}

    static List<Figure> run(Server server, Bench.Options options) throws Exception {
        int tenants = options.smoke() ? 3 : TENANTS;
        int largest = options.clients() > 0 ? options.clients() : options.smoke() ? 300 : 100_000;
        List<String> slugs = new ArrayList<>();
        for (int i = 0; i < tenants; i++) {
            slugs.add(GrowthTenant.slug(i));
        }
        long start = System.nanoTime();
        Map<String, String> created = GrowthTenant.createMissing(server, slugs);
        List<GrowthTenant> seeded = new ArrayList<>();
        for (String slug : slugs) {
            seeded.add(GrowthTenant.open(server, slug, created.get(slug)));
        }
        System.out.printf(Locale.ROOT, "# growth: %d tenants made, %d by this run, in %.0f s%n", tenants,
                created.size(), (System.nanoTime() - start) / 1e9);
        List<Figure> figures = new ArrayList<>();
        int smallest = Math.min(largest, options.smoke() ? 300 : 10_000);
        // A kept data directory may hold more already: each size is measured on the data it names.
        long present = (long) seeded.stream().mapToInt(GrowthTenant::clients).max().orElse(0) * tenants;
        for (long total = smallest; total <= largest; total *= 10) {
            if (total < present) {
                continue;
            }
            start = System.nanoTime();
            for (GrowthTenant tenant : seeded) {
                tenant.topUp(server, (int) (total / tenants));
            }
            GrowthTenant.awaitSealedTrail(server);
            System.out.printf(Locale.ROOT, "# growth: %,d clients in %d tenants seeded or topped up in %.0f s%n",
                    total, tenants, (System.nanoTime() - start) / 1e9);
            figures.addAll(measure(server, options, seeded.getFirst(), total));
        }
        return figures;
    }

    private static List<Figure> measure(Server server, Bench.Options options, GrowthTenant tenant, long total)
            throws Exception {
        Duration duration = options.duration(10);
        Seed manager = tenant.manager();
        String token = manager.token(server);
        String code = tenant.newestClient(server);
        String quarterDeep = tenant.clientAtQuarterDepth(server);
        // Opens every sealed answer of a scored client: a seeded value the server could not open fails here.
        get(server, manager, token, "/api/v1/clients/" + tenant.scoredClient(server) + "/sessions");
        List<String> paths = List.of("/api/v1/me", "/api/v1/clients", "/api/v1/clients?after=" + quarterDeep,
                "/api/v1/clients/" + code);
        List<Load.Result> loads = Calls.inTurns(server, manager, token, paths, 8, duration);
        Load.Result me = loads.get(0);
        Load.Result first = loads.get(1);
        Load.Result keyset = loads.get(2);
        Load.Result record = loads.get(3);
        double meMillis = timedMillis(() -> get(server, manager, token, paths.get(0)));
        LocalDate today = LocalDate.now();
        String report = "/api/v1/reports/outcomes?from=" + today.minusDays(90) + "&to=" + today;
        double reportMillis = Double.MAX_VALUE;
        for (int i = 0; i < REPORT_RUNS; i++) {
            reportMillis = Math.min(reportMillis, timedMillis(() -> get(server, manager, token, report)));
            meMillis = Math.min(meMillis, timedMillis(() -> get(server, manager, token, paths.get(0))));
        }
        double[] verify = verify(server, tenant.slug());
        String size = String.format(Locale.ROOT, "%,d clients, %,d a tenant", total, tenant.clients());
        return List.of(
                Figure.alone("growth at " + size, total, "clients"),
                new Figure("  caseload page 1", first.rate(), "req/s", "GET /api/v1/me", me.rate(), "req/s"),
                new Figure("  caseload page 25 % deep (after=)", keyset.rate(), "req/s", "GET /api/v1/me", me.rate(),
                        "req/s"),
                new Figure("  client record (audited read)", record.rate(), "req/s", "GET /api/v1/me", me.rate(),
                        "req/s"),
                new Figure("  outcomes report (" + tenant.clients() + " episodes)", reportMillis, "ms",
                        "one GET /api/v1/me", meMillis, "ms"),
                new Figure("  audit verify (" + (long) verify[0] + " entries)", verify[1] * 1000, "ms",
                        "one GET /api/v1/me", meMillis, "ms"));
    }

    private interface Call {
        void run() throws Exception;
    }

    private static double timedMillis(Call call) throws Exception {
        long start = System.nanoTime();
        call.run();
        return (System.nanoTime() - start) / 1e6;
    }

    private static void get(Server server, Seed seed, String token, String path) throws Exception {
        HttpRequest request = server.request(seed.host(), path).header("Authorization", "Bearer " + token).GET().build();
        int status = server.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status != 200) {
            throw new IllegalStateException(path + " answered " + status);
        }
    }

    /** The entries `audit verify` checked in the tenant's stream, and its own time for them. */
    private static double[] verify(Server server, String slug) throws Exception {
        String output = server.operator("audit", "verify", "--tenant", slug);
        Matcher verified = Pattern.compile("OK\\s+(\\d+) entries, \\d+ checkpoints, in ([0-9.]+) s").matcher(output);
        if (!verified.find()) {
            throw new IllegalStateException("verification failed: " + output);
        }
        return new double[] {Long.parseLong(verified.group(1)), Double.parseDouble(verified.group(2))};
    }
}
