package org.trackwell.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.trackwell.identity.Accounts;
import org.trackwell.identity.Role;
import org.trackwell.support.Https;
import org.trackwell.support.MappedRoutes;
import org.trackwell.support.MutableClock;
import org.trackwell.support.TrackwellTest;
import org.trackwell.tenancy.Tenants;
import org.trackwell.web.AuthorisationMatrix.Row;
import org.trackwell.web.Caller.Body;
import org.trackwell.web.MatrixWorld.Variant;
import org.trackwell.web.Targets.Ref;

/**
 * Every route Spring maps, called by every caller (anonymous, a user of each role, an operator),
 * with its references pointing at the caller's own team, another team and another tenant. Each must
 * answer as {@code authorisation-matrix.txt} says; a route the table lacks, or a row no route
 * matches, fails the test. A reference to another tenant's thing must get what a reference to
 * nothing gets, and a client's episode, dose or link must not be reachable through another client.
 */
@TrackwellTest
class AuthorisationMatrixIT {

    /** A route mapped for any method is called with GET. */
    private static final String ANY_METHOD = MappedRoutes.ANY_METHOD;

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    Tenants tenants;

    @Autowired
    Accounts accounts;

    @Autowired
    MutableClock clock;

    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger calls = new AtomicInteger();

    @Test
    void everyRouteAnswersEveryCallerAsTheMatrixSays() throws Exception {
        long started = System.nanoTime();
        AuthorisationMatrix matrix = AuthorisationMatrix.read();
        Set<String> routes = MappedRoutes.of(context);
        List<String> columns = Stream.concat(
                        Stream.of("anonymous"),
                        Stream.concat(Stream.of(Role.values()).map(Role::name), Stream.of("operator")))
                .toList();
        assertThat(matrix.columns())
                .as("the matrix's columns: anonymous, every role, operator")
                .isEqualTo(columns);
        try (Https https = new Https(port);
                ExecutorService callers = Executors.newFixedThreadPool(4)) {
            MatrixWorld world = new MatrixWorld(https, tenants, accounts, context, clock);
            Map<String, RouteCall> known = RouteCalls.all(world);
            known.keySet().stream()
                    .filter(route -> !routes.contains(route))
                    .forEach(route -> problems.add("RouteCalls describes " + route + ", which is no route"));
            for (String route : routes) {
                check(world, https, known.getOrDefault(route, RouteCall.of(route)), matrix, callers);
            }
        }
        matrix.rows().keySet().stream()
                .filter(route -> !routes.contains(route))
                .forEach(route -> problems.add("in the matrix but no longer a route: " + route));
        System.out.printf(
                "Authorisation matrix: %d routes, %d calls in %d s%n",
                routes.size(), calls.get(), (System.nanoTime() - started) / 1_000_000_000);
        assertThat(problems).as(String.join("\n", problems)).isEmpty();
    }

    /**
     * Calls the route as every caller at once, which halves the run: what one caller's call uses up
     * is made for it alone, and what they share, they only read or set to the same value.
     */
    private void check(
            MatrixWorld world, Https https, RouteCall call, AuthorisationMatrix matrix, ExecutorService callers)
            throws InterruptedException, ExecutionException {
        world.forgetAddressLimits();
        List<Future<Map<Variant, String>>> answers = new ArrayList<>();
        for (Caller caller : world.callers().values()) {
            answers.add(callers.submit(() -> observe(world, https, call, caller)));
        }
        List<String> observed = new ArrayList<>();
        boolean differs = false;
        Row row = matrix.row(call.route()).orElse(null);
        int column = 0;
        for (Future<Map<Variant, String>> answer : answers) {
            Map<Variant, String> outcomes = answer.get();
            observed.add(cell(call, outcomes));
            if (row != null) {
                for (Variant variant : outcomes.keySet()) {
                    differs |= !row.cells().get(column).expected(variant).equals(outcomes.get(variant));
                }
            }
            column++;
        }
        if (row == null) {
            problems.add("not in the matrix; as observed:\n" + AuthorisationMatrix.format(call.route(), observed));
        } else if (differs) {
            List<String> expected = row.cells().stream()
                    .map(cell -> String.join("/", cell.outcomes()))
                    .toList();
            problems.add("expected " + AuthorisationMatrix.format(call.route(), expected) + "\n but got  "
                    + AuthorisationMatrix.format(call.route(), observed));
        }
    }

    private Map<Variant, String> observe(MatrixWorld world, Https https, RouteCall call, Caller caller) {
        Caller as = call.sessionOfItsOwn() ? world.sessionOfItsOwn(caller) : caller;
        Map<Variant, String> outcomes = new EnumMap<>(Variant.class);
        Map<Variant, Targets> used = new EnumMap<>(Variant.class);
        for (Variant variant : call.refers() ? Variant.values() : new Variant[] {Variant.OWN}) {
            boolean fresh = call.fresh() != null
                    && (variant == Variant.OWN || (variant == Variant.OTHER_TEAM && call.fresh().otherTeamToo));
            used.put(variant, fresh ? world.fresh(call.fresh(), variant, as) : world.targets(variant));
            outcomes.put(variant, send(https, as, call, used.get(variant)));
        }
        if (call.refers()) {
            String nothing = send(https, as, call, world.missing());
            if (!nothing.equals(outcomes.get(Variant.OTHER_TENANT))) {
                problems.add(call.route() + " as " + caller.column() + ": another tenant's thing gets "
                        + outcomes.get(Variant.OTHER_TENANT) + " but nothing gets " + nothing
                        + ", which tells what exists");
            }
            if (succeeded(outcomes.get(Variant.OWN))) {
                checkTiedToItsClient(world, https, call, as, used.get(Variant.OWN));
            }
        }
        return outcomes;
    }

    /**
     * Another client's episode, session, dose or link named through one's own client: whether it is
     * another team's, another tenant's or nothing, the answer must be the same refusal.
     */
    private void checkTiedToItsClient(MatrixWorld world, Https https, RouteCall call, Caller caller, Targets own) {
        Set<Ref> used = refsUsedBy(call);
        Set<Ref> nested = EnumSet.copyOf(Targets.A_CLIENTS);
        nested.retainAll(used);
        if (!used.contains(Ref.CLIENT) || nested.isEmpty()) {
            return;
        }
        Map<String, String> answers = new LinkedHashMap<>();
        Map<String, Targets> foreign = new LinkedHashMap<>();
        foreign.put("another team's", world.targets(Variant.OTHER_TEAM));
        foreign.put("another tenant's", world.targets(Variant.OTHER_TENANT));
        foreign.put("nothing", world.missing());
        foreign.forEach((whose, targets) -> {
            if (nested.stream().anyMatch(ref -> !targets.get(ref).equals(own.get(ref)))) {
                answers.put(whose, send(https, caller, call, own.withThingsOf(targets, nested)));
            }
        });
        boolean refused = answers.values().stream().allMatch(outcome -> outcome.startsWith("4"));
        if (new LinkedHashSet<>(answers.values()).size() > 1 || (call.pattern().startsWith("/api/") && !refused)) {
            problems.add(
                    call.route() + " as " + caller.column() + " through its own client " + nested + ": " + answers);
        }
    }

    /** Which references the call puts in its path, query or body. */
    private static Set<Ref> refsUsedBy(RouteCall call) {
        Map<Ref, String> markers = new EnumMap<>(Ref.class);
        for (Ref ref : Ref.values()) {
            markers.put(ref, "marker-" + ref.name() + "-");
        }
        Targets marked = Targets.of(markers);
        String request = call.target(marked) + " " + text(call.body().apply(marked));
        Set<Ref> used = new LinkedHashSet<>();
        markers.forEach((ref, marker) -> {
            if (request.contains(marker)) {
                used.add(ref);
            }
        });
        return used;
    }

    private String send(Https https, Caller caller, RouteCall call, Targets targets) {
        calls.incrementAndGet();
        String method = call.method().equals(ANY_METHOD) ? "GET" : call.method();
        return Caller.outcome(
                caller.send(https, method, call.target(targets), call.body().apply(targets)));
    }

    private static String cell(RouteCall call, Map<Variant, String> outcomes) {
        if (!call.refers() || new LinkedHashSet<>(outcomes.values()).size() == 1) {
            return outcomes.get(Variant.OWN);
        }
        return String.join("/", outcomes.values());
    }

    private static boolean succeeded(String outcome) {
        return outcome.startsWith("2") || outcome.equals("302");
    }

    private static String text(Body body) {
        return switch (body) {
            case Body.Json json -> json.text();
            case Body.Form form -> form.fields().toString();
            case Body.Empty empty -> "";
            case Body.Bytes bytes -> bytes.contentType() + ", " + bytes.bytes().length + " bytes";
            case Body.Upload upload -> upload.fileName() + ", " + upload.bytes().length + " bytes";
        };
    }
}
