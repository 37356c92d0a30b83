package org.trackwell.web;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.trackwell.clients.PseudonymCode;
import org.trackwell.identity.Accounts;
import org.trackwell.identity.Role;
import org.trackwell.operator.OperatorCommandLine;
import org.trackwell.support.Api;
import org.trackwell.support.Https;
import org.trackwell.support.MutableClock;
import org.trackwell.support.Oathtool;
import org.trackwell.support.TestPostgres;
import org.trackwell.tenancy.Tenants;
import org.trackwell.web.Targets.Ref;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The matrix's world, made through the API as its users would make it. Tenant "home" has teams
 * North and South; one user per role, all in North, are the callers. Team South and tenant "away"
 * each hold the same things as North: a client with an open episode, a session, a problem, a chart
 * link and a measure link, a prescription with a dose, stock, a flag and an alert.
 */
final class MatrixWorld {

    static final String OPERATOR_HOST = "localhost";

    /** Whose thing a route is called with. */
    enum Variant {
        OWN,
        OTHER_TEAM,
        OTHER_TENANT
    }

    /** What a call needs made new because the call uses it up or moves it on. */
    enum Fresh {
        CLIENT(false),
        OPEN_EPISODE(false),
        CLOSED_EPISODE(false),
        SESSION(false),
        GOAL(false),
        FLAG(false),
        CHART_LINK(false),
        MEASURE_LINK(true),
        PRESCRIPTION(false),
        DOSE(false),
        ALERT(false),
        PHOTO(false),
        PASSKEY(false),
        TOTP_ENROLMENT(false);

        /** Whether another team's thing must be new too: a link works for anyone who holds it. */
        final boolean otherTeamToo;

        Fresh(boolean otherTeamToo) {
            this.otherTeamToo = otherTeamToo;
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Https https;
    private final MutableClock clock;
    private final JdbcClient superuser = JdbcClient.create(TestPostgres.asSuperuser());
    private final Api home;
    private final String admin;
    private final UUID north;
    private final Map<Variant, TeamRecords> records = new EnumMap<>(Variant.class);
    private final Map<Variant, Targets> targets = new EnumMap<>(Variant.class);
    private final Map<String, Caller> callers = new LinkedHashMap<>();
    private final String signer;
    private final String operatorEmail;
    private final String operatorSecret;
    private final AtomicInteger freshUsers = new AtomicInteger();

    MatrixWorld(Https https, Tenants tenants, Accounts accounts, ApplicationContext context, MutableClock clock) {
        this.https = https;
        this.clock = clock;
        home = Api.newTenant(https, tenants, accounts, "matrix");
        admin = home.signInAsAdmin();
        north = UUID.fromString(home.newTeam(admin, "North"));
        UUID south = UUID.fromString(home.newTeam(admin, "South"));
        home.put(
                "/api/v1/users/" + userId(home, admin, home.adminEmail()) + "/teams",
                Api.json(Map.of("teams", List.of(north))),
                admin);
        Map<Role, String> tokens = new EnumMap<>(Role.class);
        tokens.put(Role.TENANT_ADMIN, admin);
        for (Role role : Role.values()) {
            if (role != Role.TENANT_ADMIN) {
                tokens.put(
                        role,
                        signIn(
                                home,
                                home.newUserInTeam(
                                        admin,
                                        "North "
                                                + role.name()
                                                        .toLowerCase(java.util.Locale.ROOT)
                                                        .replace('_', ' '),
                                        north.toString(),
                                        role.name())));
            }
        }
        signer = home.newUserInTeam(admin, "Sid Signer", north.toString(), "CARER");
        String southManager = signIn(home, home.newUserInTeam(admin, "Sam South", south.toString(), "MANAGER"));
        String medicine = medicine(home, admin, "Home paracetamol");
        String measure = measure(home, admin, "MATRIX-HOME");

        Api away = Api.newTenant(https, tenants, accounts, "matrix-away");
        String awayAdmin = away.signInAsAdmin();
        UUID awayTeam = UUID.fromString(away.newTeam(awayAdmin, "Elsewhere"));
        String awayManagerEmail = away.newUserInTeam(awayAdmin, "Ash Away", awayTeam.toString(), "MANAGER");
        String awayManager = signIn(away, awayManagerEmail);

        records.put(Variant.OWN, new TeamRecords(home, tokens.get(Role.PRACTITIONER), tokens.get(Role.MANAGER), north));
        records.put(Variant.OTHER_TEAM, new TeamRecords(home, southManager, southManager, south));
        records.put(Variant.OTHER_TENANT, new TeamRecords(away, awayManager, awayManager, awayTeam));
        String northUser =
                userId(home, admin, home.newUserInTeam(admin, "Nia North", north.toString(), "PRACTITIONER"));
        String southUser =
                userId(home, admin, home.newUserInTeam(admin, "Seb South", south.toString(), "PRACTITIONER"));
        String awayUser = userId(away, awayAdmin, awayManagerEmail);
        targets.put(Variant.OWN, records.get(Variant.OWN).things(medicine, measure, northUser, null));
        targets.put(
                Variant.OTHER_TEAM,
                records.get(Variant.OTHER_TEAM).things(medicine, measure, southUser, passkey(home, southUser)));
        targets.put(
                Variant.OTHER_TENANT,
                records.get(Variant.OTHER_TENANT)
                        .things(
                                medicine(away, awayAdmin, "Away paracetamol"),
                                measure(away, awayAdmin, "MATRIX-AWAY"),
                                awayUser,
                                passkey(away, awayUser)));

        operatorEmail = "matrix-" + UUID.randomUUID() + "@platform.test";
        String operatorSession = operatorBeforeEnrolment(context);
        operatorSecret = enrolOperator(operatorSession);

        callers.put("anonymous", Caller.signedIn(https, "anonymous", home.host(), null, null));
        for (Role role : Role.values()) {
            callers.put(role.name(), tenantCaller(role.name(), tokens.get(role)));
        }
        callers.put("operator", Caller.signedIn(https, "operator", OPERATOR_HOST, operatorSession, null));
    }

    /** The callers in the matrix's column order: anonymous, each role, operator. */
    Map<String, Caller> callers() {
        return callers;
    }

    /** The e-mail of the user whose password ({@link Api#GOOD_PASSWORD}) the sign-in routes are called with. */
    String signer() {
        return signer;
    }

    String operatorEmail() {
        return operatorEmail;
    }

    Targets targets(Variant variant) {
        return targets.get(variant);
    }

    /** References to nothing at all, of the same shapes as the real ones. */
    Targets missing() {
        Map<Ref, String> refs = new EnumMap<>(Ref.class);
        for (Ref ref : Ref.values()) {
            refs.put(ref, UUID.randomUUID().toString());
        }
        refs.put(Ref.CLIENT, PseudonymCode.random(RANDOM).toString());
        refs.put(Ref.MEASURE, "MATRIX-NONE");
        refs.put(Ref.MEASURE_TOKEN, Long.toString(RANDOM.nextLong(), 36) + "x" + Long.toString(RANDOM.nextLong(), 36));
        refs.put(Ref.CHART_TOKEN, Long.toString(RANDOM.nextLong(), 36) + "y" + Long.toString(RANDOM.nextLong(), 36));
        refs.put(Ref.CHART_PIN, "123456");
        return Targets.of(refs);
    }

    /** The variant's targets with what the call uses up made new, for the caller. */
    Targets fresh(Fresh fresh, Variant variant, Caller caller) {
        Targets base = targets.get(variant);
        TeamRecords team = records.get(variant);
        String code = base.get(Ref.CLIENT);
        return switch (fresh) {
            case CLIENT -> base.with(Ref.CLIENT, team.client());
            case OPEN_EPISODE, CLOSED_EPISODE -> {
                String client = team.client();
                String episode = team.episode(client);
                if (fresh == Fresh.CLOSED_EPISODE) {
                    team.closeEpisode(client, episode);
                }
                yield base.with(Ref.CLIENT, client).with(Ref.EPISODE, episode);
            }
            case SESSION -> base.with(Ref.SESSION, team.session(code));
            case GOAL -> base.with(Ref.GOAL, team.problem(code));
            case FLAG -> base.with(Ref.FLAG, team.flag(code));
            case CHART_LINK -> base.with(Ref.CHART_LINK, team.chartLink(code).get(Ref.CHART_LINK));
            case MEASURE_LINK -> base.with(Ref.MEASURE_TOKEN, team.measureLink(code, team.session(code)));
            case PRESCRIPTION -> base.with(Ref.PRESCRIPTION, team.prescription(code, base.get(Ref.MEDICINE)));
            case DOSE -> base.with(Ref.DOSE, team.dose(code, base.get(Ref.PRESCRIPTION)));
            case ALERT -> base.with(Ref.ALERT, team.alert(code, base.get(Ref.MEDICINE)));
            case PHOTO -> {
                // A client of its own: callers run at once, and one's removal must not take another's photo.
                String client = team.client();
                team.photo(client);
                yield base.with(Ref.CLIENT, client);
            }
            case PASSKEY ->
                base.with(
                        Ref.PASSKEY,
                        caller.userId() == null ? UUID.randomUUID().toString() : passkey(home, caller.userId()));
            case TOTP_ENROLMENT -> {
                if (caller.userId() != null) {
                    TeamRecords.created(home.post("/api/v1/me/mfa/totp", "", caller.token()));
                }
                yield base;
            }
        };
    }

    /**
     * A session of the caller's own for a call that ends it or changes the password: a new user with
     * the same role, or the operator signed in again.
     */
    Caller sessionOfItsOwn(Caller caller) {
        if (caller.column().equals("operator")) {
            clock.advance(Duration.ofSeconds(30));
            HttpResponse<String> challenge = https.postJson(
                    OPERATOR_HOST,
                    "/api/v1/operator/login",
                    Api.json("email", operatorEmail, "password", Api.GOOD_PASSWORD));
            HttpResponse<String> signedIn = https.postJson(
                    OPERATOR_HOST,
                    "/api/v1/operator/login/mfa",
                    Api.json(
                            "challenge",
                            Api.read(challenge).get("challenge").asString(),
                            "code",
                            Oathtool.totp(operatorSecret, clock.instant())));
            return Caller.signedIn(
                    https,
                    "operator",
                    OPERATOR_HOST,
                    Api.read(signedIn).get("token").asString(),
                    null);
        }
        if (caller.token() == null) {
            return caller;
        }
        String email = home.newUserInTeam(
                admin,
                "Fresh " + caller.column() + " " + freshUsers.incrementAndGet(),
                north.toString(),
                caller.column());
        return tenantCaller(caller.column(), signIn(home, email));
    }

    /**
     * A user of the home tenant as a caller, having confirmed who they are just now, as the
     * security policy and the audit export require.
     */
    private Caller tenantCaller(String column, String token) {
        TeamRecords.created(home.post("/api/v1/me/confirm", Api.json("password", Api.GOOD_PASSWORD), token));
        String id = Api.read(home.get("/api/v1/me", token)).get("id").asString();
        return Caller.signedIn(https, column, home.host(), token, id);
    }

    /** Every call comes from 127.0.0.1: limits per address are forgotten before each route, as between tests. */
    void forgetAddressLimits() {
        superuser.sql("delete from sign_in_failure_by_address").update();
        superuser.sql("delete from blocked_address").update();
        superuser.sql("delete from password_reset_by_address").update();
    }

    private String passkey(Api tenant, String user) {
        UUID id = UUID.randomUUID();
        byte[] credential = new byte[32];
        RANDOM.nextBytes(credential);
        superuser
                .sql(
                        "insert into passkey (tenant_id, id, user_id, credential_id, credential, sign_count, name, created_at)"
                                + " values (:tenant, :id, :user, :credential, :credential, 0, 'Matrix key', now())")
                .param("tenant", tenant.tenant().id().value())
                .param("id", id)
                .param("user", UUID.fromString(user))
                .param("credential", credential)
                .update();
        return id.toString();
    }

    private static String signIn(Api tenant, String email) {
        return tenant.signIn(email, Api.GOOD_PASSWORD);
    }

    private static String userId(Api tenant, String admin, String email) {
        for (JsonNode user : Api.read(tenant.get("/api/v1/users", admin))) {
            if (user.get("email").asString().equals(email)) {
                return user.get("id").asString();
            }
        }
        throw new IllegalStateException("no user " + email);
    }

    private static String medicine(Api tenant, String admin, String name) {
        return TeamRecords.created(tenant.post(
                        "/api/v1/medicines",
                        Api.json(Map.of("name", name, "form", "tablet", "strength", "500 mg", "route", "oral")),
                        admin))
                .get("id")
                .asString();
    }

    /** A measure of the tenant's own, made from the built-in PHQ-2. */
    private static String measure(Api tenant, String admin, String id) {
        try (var in = MatrixWorld.class.getResourceAsStream("/outcomes/measures/phq-2.json")) {
            ObjectNode definition = (ObjectNode) JSON.readTree(in);
            definition.put("id", id);
            definition.put("title", id + " screener");
            TeamRecords.created(tenant.post("/api/v1/measures", Api.json(Map.of("definition", definition)), admin));
            return id;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String operatorBeforeEnrolment(ApplicationContext context) {
        StringWriter out = new StringWriter();
        OperatorCommandLine.execute(
                context,
                new PrintWriter(out, true),
                new PrintWriter(new StringWriter()),
                "operator",
                "add",
                "--email",
                operatorEmail);
        String token = out.toString()
                .replaceAll("(?s).*\"token\":\"([A-Za-z0-9_-]+)\".*", "$1")
                .strip();
        https.postJson(
                OPERATOR_HOST, "/api/v1/operator/setup", Api.json("token", token, "password", Api.GOOD_PASSWORD));
        return Api.read(https.postJson(
                        OPERATOR_HOST,
                        "/api/v1/operator/login",
                        Api.json("email", operatorEmail, "password", Api.GOOD_PASSWORD)))
                .get("token")
                .asString();
    }

    private String enrolOperator(String session) {
        HttpResponse<String> started = https.send(
                https.request(OPERATOR_HOST, "/api/v1/operator/mfa/totp", "Authorization", "Bearer " + session)
                        .POST(java.net.http.HttpRequest.BodyPublishers.noBody())
                        .build());
        String secret = Api.read(started).get("secret").asString();
        HttpResponse<String> confirmed = https.send(https.request(
                        OPERATOR_HOST,
                        "/api/v1/operator/mfa/totp/confirm",
                        "Authorization",
                        "Bearer " + session,
                        "Content-Type",
                        "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        Api.json("code", Oathtool.totp(secret, clock.instant()))))
                .build());
        if (confirmed.statusCode() != 204) {
            throw new IllegalStateException("operator enrolment failed: " + confirmed.body());
        }
        return secret;
    }
}
