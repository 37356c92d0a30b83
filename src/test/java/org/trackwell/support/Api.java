package org.trackwell.support;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trackwell.identity.Accounts;
import org.trackwell.identity.SetupLink;
import org.trackwell.tenancy.Tenant;
import org.trackwell.tenancy.Tenants;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The JSON API of one tenant, as a client over HTTPS would use it. */
public final class Api {

    /** Passes every password rule: long, uncommon, unrelated to any test's names. */
    public static final String GOOD_PASSWORD = "violet tractor lagoon 47 sunrise";

    public static final String OTHER_GOOD_PASSWORD = "marble kestrel orchard 93 lantern";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_-]+)");

    private final Https https;
    private final Tenant tenant;

    public Api(Https https, Tenant tenant) {
        this.https = https;
        this.tenant = tenant;
    }

    /** A new tenant whose first admin has set {@link #GOOD_PASSWORD}. */
    public static Api newTenant(Https https, Tenants tenants, Accounts accounts, String prefix) {
        Tenant tenant = tenants.create(Fixtures.uniqueSlug(prefix), "Service " + prefix);
        Api api = new Api(https, tenant);
        SetupLink link = accounts.inviteFirstAdmin(tenant, api.adminEmail());
        HttpResponse<String> setup = api.setup(tokenOf(link.url()), GOOD_PASSWORD);
        if (setup.statusCode() != 204) {
            throw new IllegalStateException("admin set-up failed: " + setup.body());
        }
        return api;
    }

    public static String tokenOf(String link) {
        Matcher matcher = TOKEN.matcher(link);
        if (!matcher.find()) {
            throw new IllegalArgumentException("no token in " + link);
        }
        return matcher.group(1);
    }

    public Https https() {
        return https;
    }

    public Tenant tenant() {
        return tenant;
    }

    public String host() {
        return tenant.slug() + ".localhost";
    }

    public String adminEmail() {
        return "admin@" + tenant.slug() + ".test";
    }

    public HttpResponse<String> setup(String token, String password) {
        return post("/api/v1/auth/setup", json("token", token, "password", password), null);
    }

    public HttpResponse<String> login(String email, String password) {
        return post("/api/v1/auth/login", json("email", email, "password", password), null);
    }

    /** Signs in and returns the bearer token, failing the test if sign-in fails. */
    public String signIn(String email, String password) {
        HttpResponse<String> response = login(email, password);
        if (response.statusCode() != 200) {
            throw new AssertionError("sign-in failed: " + response.statusCode() + " " + response.body());
        }
        return read(response).get("token").asString();
    }

    public String signInAsAdmin() {
        return signIn(adminEmail(), GOOD_PASSWORD);
    }

    /** An authenticator app set up for the token's user: its secret and the recovery codes shown once. */
    public record Authenticator(String secret, List<String> recoveryCodes) {

        public String codeAt(java.time.Instant time) {
            return Oathtool.totp(secret, time);
        }
    }

    /** Sets up an authenticator app through the API, confirming it with oathtool's code for {@code now}. */
    public Authenticator enrolTotp(String token, java.time.Instant now) {
        HttpResponse<String> started = post("/api/v1/me/mfa/totp", "", token);
        if (started.statusCode() != 200) {
            throw new AssertionError("enrolment failed: " + started.statusCode() + " " + started.body());
        }
        String secret = read(started).get("secret").asString();
        HttpResponse<String> confirmed =
                post("/api/v1/me/mfa/totp/confirm", json("code", Oathtool.totp(secret, now)), token);
        if (confirmed.statusCode() != 200) {
            throw new AssertionError("confirmation failed: " + confirmed.statusCode() + " " + confirmed.body());
        }
        List<String> codes = new java.util.ArrayList<>();
        read(confirmed).get("recoveryCodes").forEach(code -> codes.add(code.asString()));
        return new Authenticator(secret, codes);
    }

    /** The challenge of a password-correct sign-in that needs a second factor. */
    public String challenge(String email, String password) {
        HttpResponse<String> response = login(email, password);
        if (response.statusCode() != 200
                || !read(response).path("secondFactorRequired").asBoolean(false)) {
            throw new AssertionError("expected a second-factor challenge: " + response.body());
        }
        return read(response).get("challenge").asString();
    }

    /** Signs the admin in with a second factor (a code from the app, or a recovery code). */
    public String signInAsAdminWith(String code) {
        HttpResponse<String> response = secondFactor(challenge(adminEmail(), GOOD_PASSWORD), code);
        if (response.statusCode() != 200) {
            throw new AssertionError("second factor refused: " + response.body());
        }
        return read(response).get("token").asString();
    }

    public HttpResponse<String> secondFactor(String challenge, String code) {
        return post("/api/v1/auth/login/mfa", json("challenge", challenge, "code", code), null);
    }

    /** Creates a team and returns its id. */
    public String newTeam(String adminToken, String name) {
        return read(post("/api/v1/teams", json("name", name), adminToken))
                .get("id")
                .asString();
    }

    /** Invites a user with the given roles into a team, sets their password, and returns their e-mail. */
    public String newUserInTeam(String adminToken, String name, String teamId, String... roles) {
        String email = newUser(adminToken, name, roles);
        for (JsonNode user : read(get("/api/v1/users", adminToken))) {
            if (user.get("email").asString().equals(email)) {
                put(
                        "/api/v1/users/" + user.get("id").asString() + "/teams",
                        json(java.util.Map.of("teams", List.of(teamId))),
                        adminToken);
            }
        }
        return email;
    }

    /** Invites a user with the given roles, sets their password, and returns their e-mail. */
    public String newUser(String adminToken, String name, String... roles) {
        String email = name.toLowerCase().replace(' ', '.') + "@" + tenant.slug() + ".test";
        HttpResponse<String> invited = post(
                "/api/v1/users",
                JSON.writeValueAsString(java.util.Map.of("email", email, "displayName", name, "roles", List.of(roles))),
                adminToken);
        if (invited.statusCode() != 201) {
            throw new AssertionError("invite failed: " + invited.body());
        }
        setup(tokenOf(read(invited).get("setupLink").asString()), GOOD_PASSWORD);
        return email;
    }

    public HttpResponse<String> get(String path, String token) {
        return token == null
                ? https.get(host(), path, "Accept", "application/json")
                : https.get(host(), path, "Accept", "application/json", "Authorization", "Bearer " + token);
    }

    public HttpResponse<String> post(String path, String body, String token) {
        return send("POST", path, body, token);
    }

    public HttpResponse<String> put(String path, String body, String token) {
        return send("PUT", path, body, token);
    }

    public HttpResponse<String> send(String method, String path, String body, String token) {
        var request = https.request(host(), path, "Accept", "application/json", "Content-Type", "application/json")
                .method(method, java.net.http.HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return https.send(request.build());
    }

    /** Every audit action recorded in this tenant so far, read as the database superuser. */
    public List<String> auditActions() {
        return org.springframework.jdbc.core.simple.JdbcClient.create(TestPostgres.asSuperuser())
                .sql("select action from audit_event where tenant_id = :t")
                .param("t", tenant.id().value())
                .query(String.class)
                .list();
    }

    public static JsonNode read(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    public static String json(String... keysAndValues) {
        var node = JSON.createObjectNode();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            node.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return JSON.writeValueAsString(node);
    }

    public static String json(Object value) {
        return JSON.writeValueAsString(value);
    }
}
