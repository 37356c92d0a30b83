package org.trackwell.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import net.jqwik.api.sessions.JqwikSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.trackwell.identity.Accounts;
import org.trackwell.identity.ApiScope;
import org.trackwell.identity.Role;
import org.trackwell.support.Api;
import org.trackwell.support.Https;
import org.trackwell.support.TestPostgres;
import org.trackwell.support.TrackwellTest;
import org.trackwell.tenancy.Tenants;
import org.trackwell.web.ApiContract.Operation;
import org.trackwell.web.ExampleInputs.Example;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API held to its own description (docs/api.md, "Contract fuzzing"): every operation called
 * over HTTPS as a tenant admin and as a service account holding every scope, with valid, boundary
 * and forbidden values for every parameter and body field. No answer may be a 5xx, break the
 * schema the description gives for its status, or be a 2xx to input the schema forbids.
 */
@TrackwellTest
class ContractFuzzIT {

    private static final int EXAMPLES = 5;
    private static final int EXAMPLES_AS_SERVICE_ACCOUNT = 3;
    private static final long SEED = 26;

    /**
     * Operations that may end or change the caller's own sign-in, or switch a module off (hiding
     * the routes the others fuzz), run in a tenant made for each.
     */
    private static final Set<String> OWN_TENANT = Set.of(
            "POST /api/v1/auth/logout",
            "PUT /api/v1/me/password",
            "PUT /api/v1/security-policy",
            "PUT /api/v1/modules-used",
            "POST /api/v1/me/mfa/totp/confirm",
            "POST /api/v1/me/mfa/recovery-codes");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    Tenants tenants;

    @Autowired
    Accounts accounts;

    private final JdbcClient superuser = JdbcClient.create(TestPostgres.asSuperuser());
    private final Map<String, List<String>> findings = Collections.synchronizedMap(new TreeMap<>());
    private final AtomicInteger calls = new AtomicInteger();
    private ApiContract contract;

    @Test
    void everyOperationKeepsToItsDescription() throws Exception {
        long started = System.nanoTime();
        try (Https https = new Https(port);
                ExecutorService callers = Executors.newFixedThreadPool(4)) {
            Fuzzed main = fuzzed(https, "fuzz");
            contract =
                    ApiContract.read(main.api().get("/api/openapi.json", null).body());
            List<Operation> operations = contract.operations();
            Map<Operation, List<Example>> examples = examplesOf(operations, main.known());
            List<Future<?>> fuzzing = new ArrayList<>();
            for (Operation operation : operations) {
                fuzzing.add(callers.submit(() -> fuzz(https, main, operation, examples.get(operation))));
            }
            for (Future<?> done : fuzzing) {
                done.get();
            }
            System.out.printf(
                    "Contract fuzzing: %d operations, %d calls in %d s%n",
                    operations.size(), calls.get(), (System.nanoTime() - started) / 1_000_000_000);
        }
        assertThat(findings)
                .as(findings.entrySet().stream()
                        .map(finding -> finding.getKey() + "\n    " + String.join("\n    ", finding.getValue()))
                        .collect(Collectors.joining("\n")))
                .isEmpty();
    }

    /**
     * Every example, made before any call in one seeded sequence, so that a run can be repeated
     * however the calls interleave.
     */
    private Map<Operation, List<Example>> examplesOf(List<Operation> operations, Map<String, String> known) {
        Map<Operation, List<Example>> examples = new LinkedHashMap<>();
        JqwikSession.start(Long.toString(SEED));
        try {
            ExampleInputs inputs = new ExampleInputs(contract, known, new Random(SEED));
            for (Operation operation : operations) {
                List<Example> made = new ArrayList<>();
                for (int number = 0; number < EXAMPLES; number++) {
                    made.add(inputs.exampleOf(operation, number));
                }
                examples.put(operation, made);
            }
        } finally {
            JqwikSession.finish();
        }
        return examples;
    }

    /** The admin makes every example; the service account the first few (valid, boundary, forbidden). */
    private void fuzz(Https https, Fuzzed main, Operation operation, List<Example> examples) {
        boolean ownTenant = OWN_TENANT.contains(operation.route());
        Fuzzed world = ownTenant ? fuzzed(https, "fuzz-own") : main;
        for (Example example : examples) {
            call(world, operation, example, "admin", world.admin());
            if (ownTenant) {
                world = signedInAgain(world);
            }
        }
        for (Example example : examples.subList(0, EXAMPLES_AS_SERVICE_ACCOUNT)) {
            call(world, operation, example, "service account", world.key());
        }
    }

    /** A tenant to call: the session of a person holding every role (an admin, and a manager and practitioner of the team), a service account with every scope, and a client of its team. */
    private record Fuzzed(Api api, String email, String admin, String key, Map<String, String> known) {}

    private Fuzzed fuzzed(Https https, String prefix) {
        forgetAddressLimits();
        Api api = Api.newTenant(https, tenants, accounts, prefix);
        String firstAdmin = api.signInAsAdmin();
        String team = api.newTeam(firstAdmin, "North");
        String email = api.newUserInTeam(
                firstAdmin,
                "Alex Everything",
                team,
                Arrays.stream(Role.values()).map(Role::name).toArray(String[]::new));
        String admin = api.signIn(email, Api.GOOD_PASSWORD);
        HttpResponse<String> client = api.post("/api/v1/clients", Api.json(Map.of("teamId", team)), admin);
        assertThat(client.statusCode()).as(client.body()).isEqualTo(201);
        String code = Api.read(client).get("code").asString();
        HttpResponse<String> account = api.post(
                "/api/v1/api-clients",
                Api.json(Map.of(
                        "name", "Everything",
                        "scopes",
                                Arrays.stream(ApiScope.values())
                                        .map(ApiScope::code)
                                        .toList(),
                        "teams", List.of(team),
                        "expiresOn", LocalDate.now().plusDays(30).toString(),
                        "callsPerMinute", 10_000)),
                admin);
        String key = Api.read(account).get("key").asString();
        return new Fuzzed(
                api,
                email,
                admin,
                key,
                Map.of("code", code, "client", code, "team", team, "teamId", team, "teams", team));
    }

    /** After an operation that may have ended the admin's session, a new one if it did. */
    private Fuzzed signedInAgain(Fuzzed world) {
        if (world.api().get("/api/v1/me", world.admin()).statusCode() == 200) {
            return world;
        }
        forgetAddressLimits();
        HttpResponse<String> signIn = world.api().login(world.email(), Api.GOOD_PASSWORD);
        if (signIn.statusCode() != 200 || !Api.read(signIn).has("token")) {
            return world;
        }
        return new Fuzzed(
                world.api(), world.email(), Api.read(signIn).get("token").asString(), world.key(), world.known());
    }

    /** Fuzzing sign-in makes the address look like someone guessing passwords. */
    private void forgetAddressLimits() {
        superuser.sql("delete from sign_in_failure_by_address").update();
        superuser.sql("delete from blocked_address").update();
        superuser.sql("delete from password_reset_by_address").update();
    }

    private void call(Fuzzed world, Operation operation, Example example, String caller, String bearer) {
        calls.incrementAndGet();
        HttpRequest.Builder request = world.api()
                .https()
                .request(
                        world.api().host(),
                        example.path(),
                        "Accept",
                        "application/json",
                        "Authorization",
                        "Bearer " + bearer)
                .method(
                        operation.method(),
                        example.body().isEmpty()
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(example.body()));
        if (!example.body().isEmpty()) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = world.api().https().send(request.build());
        check(operation, example, caller, response);
    }

    private void check(Operation operation, Example example, String caller, HttpResponse<String> response) {
        int status = response.statusCode();
        String seen = caller + ": " + example + " -> " + status + " " + abbreviated(response.body());
        if (status >= 500) {
            finding(operation, "answers " + status, seen);
        }
        if (status / 100 == 2 && example.forbidden()) {
            finding(
                    operation,
                    "accepts input its schema forbids ("
                            + example.forbiddenBecause().getFirst() + ")",
                    seen);
        }
        JsonNode described = operation.responses().path(Integer.toString(status));
        if (described.isMissingNode()) {
            finding(operation, "answers " + status + ", which its description does not list", seen);
            return;
        }
        JsonNode content = described.path("content");
        if (content.isEmpty() || response.body().isEmpty()) {
            return;
        }
        String type = response.headers().firstValue("Content-Type").orElse("").split(";")[0];
        JsonNode media = content.has(type) ? content.get(type) : content.path("*/*");
        if (media.isMissingNode()) {
            finding(
                    operation,
                    "answers " + status + " as " + type + ", not as described " + content.propertyNames(),
                    seen);
            return;
        }
        if (!type.endsWith("json")) {
            return;
        }
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (JacksonException notJson) {
            finding(operation, "answers " + status + " with a body that is not JSON", seen);
            return;
        }
        contract.breaches(media.path("schema"), body)
                .forEach(breach -> finding(operation, "answers " + status + " breaking its schema: " + breach, seen));
    }

    private void finding(Operation operation, String what, String seen) {
        synchronized (findings) {
            List<String> examples = findings.computeIfAbsent(operation.route() + " " + what, key -> new ArrayList<>());
            if (examples.size() < 2) {
                examples.add(seen);
            }
        }
    }

    private static String abbreviated(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
