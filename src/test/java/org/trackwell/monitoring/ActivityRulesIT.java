package org.trackwell.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.TestPropertySource;
import org.trackwell.audit.Actor;
import org.trackwell.audit.AuditAction;
import org.trackwell.audit.AuditTrail;
import org.trackwell.audit.Outcome;
import org.trackwell.database.TenantTransactions;
import org.trackwell.identity.Accounts;
import org.trackwell.operator.OperatorCommandLine;
import org.trackwell.shared.TenantId;
import org.trackwell.support.Api;
import org.trackwell.support.Fixtures;
import org.trackwell.support.Https;
import org.trackwell.support.TestMail;
import org.trackwell.support.TestPostgres;
import org.trackwell.support.TrackwellTest;
import org.trackwell.tenancy.Tenants;
import tools.jackson.databind.JsonNode;

/**
 * The suspicious-activity rules against a scripted attack, which fires each of them, and a scripted
 * normal working day, which fires none (the false-positive check, docs/monitoring.md). Sign-ins, the
 * admin grant and the second-factor reset go through the API; the rest of the work (opening
 * clients' records, sessions, doses, exports, operators' key operations) is written to the audit
 * trail as the modules write it, since the rules read nothing else. The rules run when the test
 * calls them: their schedule is off in tests.
 */
@TrackwellTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestPropertySource(
        properties = {"trackwell.test.database=trackwell_activity", "trackwell.monitoring.activity-address-failures=12"
        })
class ActivityRulesIT {

    private static final String DATABASE = "trackwell_activity";
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final String WRONG_PASSWORD = "not the password at all 12";

    @LocalServerPort
    int port;

    @Autowired
    Tenants tenants;

    @Autowired
    Accounts accounts;

    @Autowired
    ActivityRules rules;

    @Autowired
    AuditTrail trail;

    @Autowired
    TenantTransactions transactions;

    @Autowired
    ApplicationContext context;

    private final JdbcClient superuser = JdbcClient.create(TestPostgres.asSuperuser(DATABASE));

    /**
     * Working hours end by 23:59 and "today" is the service's day, so a test running across
     * midnight in London would find activity outside the hours it set: each starts well before one.
     */
    @BeforeEach
    void wellBeforeMidnightInLondon() throws InterruptedException {
        ZonedDateTime now = ZonedDateTime.now(LONDON);
        Duration left = Duration.between(now, now.toLocalDate().plusDays(1).atStartOfDay(LONDON));
        if (left.compareTo(Duration.ofMinutes(5)) < 0) {
            Thread.sleep(left.plusSeconds(1));
        }
    }

    @AfterEach
    void signOutOfTheService() {
        SecurityContextHolder.clearContext();
    }

    @Test
    @Order(1)
    void aNormalWorkingDayRaisesNoAlert() {
        Api api = Api.newTenant(new Https(port), tenants, accounts, "normalday");
        String admin = api.signInAsAdmin();
        String team = api.newTeam(admin, "Day team");
        List<String> practitioners = new ArrayList<>();
        List<String> carers = new ArrayList<>();
        for (String name : List.of("Alex Therapist", "Billie Therapist", "Charlie Therapist")) {
            practitioners.add(api.newUserInTeam(admin, name, team, "PRACTITIONER"));
        }
        for (String name : List.of("Dana Carer", "Eden Carer", "Frankie Carer")) {
            carers.add(api.newUserInTeam(admin, name, team, "CARER"));
        }
        Map<String, String> ids = userIds(api, admin);
        workingHoursAroundNow(api.tenant().id());

        assertThat(api.login(carers.getFirst(), WRONG_PASSWORD).statusCode()).isEqualTo(401);
        for (String email : concat(practitioners, carers)) {
            api.signIn(email, Api.GOOD_PASSWORD);
        }
        for (int p = 0; p < practitioners.size(); p++) {
            String user = ids.get(practitioners.get(p));
            List<String> caseload = clients("P" + p, 8);
            as(api.tenant().id(), Actor.user(user, "PRACTITIONER"), () -> {
                record(AuditAction.CLIENT_CASELOAD_VIEWED, null);
                for (String client : caseload) {
                    record(AuditAction.CLIENT_VIEWED, client);
                    record(AuditAction.SESSIONS_VIEWED, client);
                    record(AuditAction.SESSION_RECORDED, client);
                    record(AuditAction.OUTCOMES_VIEWED, client);
                }
            });
        }
        for (int c = 0; c < carers.size(); c++) {
            String user = ids.get(carers.get(c));
            List<String> residents = clients("C" + c, 12);
            boolean printsOneChart = c == 0;
            as(api.tenant().id(), Actor.user(user, "CARER"), () -> {
                for (int round = 0; round < 2; round++) {
                    record(AuditAction.MEDICATION_ROUND_VIEWED, "team:" + team);
                    for (String resident : residents) {
                        record(AuditAction.MAR_VIEWED, resident);
                        record(AuditAction.DOSE_RECORDED, resident);
                    }
                }
                if (printsOneChart) {
                    record(AuditAction.MAR_PRINTED, residents.getFirst());
                }
            });
        }

        rules.evaluate();

        assertThat(activityAlerts(api.tenant().id())).isEmpty();
        assertThat(activityAlerts(AuditTrail.OPERATOR_STREAM)).isEmpty();
        assertThat(entriesOf(api.tenant().id())).isEqualTo(NORMAL_DAY_ENTRIES);
    }

    /** The size of the normal working day, as docs/monitoring.md states it. */
    private static final long NORMAL_DAY_ENTRIES = 281;

    @Test
    @Order(2)
    void aScriptedAttackFiresEveryRuleOnceAndEachAlertIsEmailed() {
        String operator = operator();
        Https https = new Https(port);
        Api api = Api.newTenant(https, tenants, accounts, "attacked");
        Api neighbour = Api.newTenant(https, tenants, accounts, "neighbour");
        String admin = api.signInAsAdmin();
        String team = api.newTeam(admin, "Night team");
        String carer = api.newUserInTeam(admin, "Gale Carer", team, "CARER");
        String practitioner = api.newUserInTeam(admin, "Harper Therapist", team, "PRACTITIONER");
        Map<String, String> ids = userIds(api, admin);
        TenantId tenant = api.tenant().id();
        workingHoursNotToday(tenant);

        for (int i = 0; i < 5; i++) {
            api.login(carer, WRONG_PASSWORD);
        }
        for (int i = 0; i < 6; i++) {
            api.login("guess" + i + "@" + api.tenant().slug() + ".test", WRONG_PASSWORD);
        }
        for (int i = 0; i < 8; i++) {
            neighbour.login("guess" + i + "@" + neighbour.tenant().slug() + ".test", WRONG_PASSWORD);
        }
        api.signIn(practitioner, Api.GOOD_PASSWORD);
        as(tenant, Actor.user(ids.get(practitioner), "PRACTITIONER"), () -> {
            for (String client : clients("X", 25)) {
                record(AuditAction.CLIENT_VIEWED, client);
            }
            for (String client : clients("X", 3)) {
                record(AuditAction.MAR_PRINTED, client);
            }
        });
        assertThat(api.put(
                                "/api/v1/users/" + ids.get(practitioner) + "/roles",
                                Api.json(Map.of("roles", List.of("PRACTITIONER", "TENANT_ADMIN"))),
                                admin)
                        .statusCode())
                .isEqualTo(204);
        assertThat(api.post("/api/v1/users/" + ids.get(carer) + "/mfa/reset", "", admin)
                        .statusCode())
                .isEqualTo(204);
        as(
                tenant,
                Actor.operator(),
                () -> record(AuditAction.KEYS_TENANT_ROTATION_STARTED, "tenant:" + tenant.value()));
        as(tenant, Actor.user(ids.get(api.adminEmail()), "TENANT_ADMIN"), () -> {
            record(AuditAction.AUDIT_EXPORTED, null);
            record(AuditAction.CLIENT_KEY_DESTROYED, "client:X-0");
        });
        as(
                AuditTrail.OPERATOR_STREAM,
                Actor.operator(),
                () -> record(
                        AuditAction.TENANT_SUSPENDED,
                        "tenant:" + neighbour.tenant().slug()));

        List<Alert> raised = rules.evaluate();

        List<Alert> tenantAlerts = activityAlerts(tenant);
        assertThat(tenantAlerts.stream().map(Alert::rule).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(ActivityRule.values())
                        .map(ActivityRule::code)
                        .toList());
        assertThat(activityAlerts(AuditTrail.OPERATOR_STREAM).stream().map(Alert::rule))
                .contains("activity:address-burst", "activity:operator-action");
        assertThat(tenantAlerts).allSatisfy(alert -> {
            assertThat(alert.auditEntries()).isNotEmpty();
            assertThat(alert.who()).isNotBlank();
            assertThat(alert.what()).doesNotContain("X-0", "X-1");
            assertThat(TestMail.to(api.adminEmail()))
                    .anySatisfy(mail -> assertThat(TestMail.text(mail)).contains(alert.what()));
        });
        assertThat(tenantAlerts)
                .filteredOn(alert -> alert.rule().equals(ActivityRule.MANY_CLIENT_RECORDS.code()))
                .singleElement()
                .satisfies(alert -> {
                    assertThat(alert.what()).contains("Harper Therapist", "25 different clients");
                    assertThat(alert.auditEntries()).hasSize(25);
                    assertThat(TestMail.to(api.adminEmail()))
                            .anySatisfy(mail -> assertThat(TestMail.text(mail))
                                    .contains(alert.what())
                                    .contains("Audit entries: "
                                            + alert.auditEntries().getFirst())
                                    .contains("/audit?entry="
                                            + alert.auditEntries().getFirst() + "&entry="));
                });
        assertThat(activityAlerts(AuditTrail.OPERATOR_STREAM))
                .allSatisfy(alert -> assertThat(TestMail.to(operator))
                        .anySatisfy(mail -> assertThat(TestMail.text(mail)).contains(alert.what())));
        assertThat(raised)
                .as("the neighbour's admin signing in outside its default working hours is an alert there too")
                .hasSize(tenantAlerts.size()
                        + activityAlerts(neighbour.tenant().id()).size()
                        + activityAlerts(AuditTrail.OPERATOR_STREAM).size());

        assertThat(rules.evaluate())
                .as("one alert per rule, subject and window")
                .isEmpty();
    }

    @Test
    @Order(3)
    void anAdminTunesTheRulesWithEachChangeAuditedFromOldToNew() {
        Api api = Api.newTenant(new Https(port), tenants, accounts, "tuned");
        TenantId tenant = api.tenant().id();
        signedInAsAdmin();

        ActivityRuleSettings before = transactions.inTenant(tenant, rules::settings);
        assertThat(before.of(ActivityRule.EXPORTS).threshold()).isEqualTo(3);
        assertThat(before.zone()).isEqualTo(ZoneId.of("Europe/London"));
        List<ActivityRuleSetting> changed = new ArrayList<>(before.rules());
        changed.replaceAll(s -> s.rule() == ActivityRule.EXPORTS
                ? new ActivityRuleSetting(s.rule(), true, 10, 30)
                : s.rule() == ActivityRule.OUTSIDE_WORKING_HOURS
                        ? new ActivityRuleSetting(s.rule(), false, null, null)
                        : s);
        transactions.inTenant(tenant, () -> rules.change(changed, before.hours()));
        assertThat(transactions
                        .inTenant(tenant, rules::settings)
                        .of(ActivityRule.EXPORTS)
                        .threshold())
                .isEqualTo(10);

        List<ActivityRuleSetting> wrong = new ArrayList<>(changed);
        wrong.replaceAll(s -> s.rule() == ActivityRule.EXPORTS ? new ActivityRuleSetting(s.rule(), true, 0, 30) : s);
        assertThatThrownBy(() -> transactions.inTenant(tenant, () -> rules.change(wrong, before.hours())))
                .isInstanceOf(MonitoringRefused.class)
                .hasMessage("Exports and printouts: the number must be from 1 to 1000.");
        WorkingHours backwards = new WorkingHours(Set.of(DayOfWeek.MONDAY), LocalTime.of(18, 0), LocalTime.of(8, 0));
        assertThatThrownBy(() -> transactions.inTenant(tenant, () -> rules.change(changed, backwards)))
                .isInstanceOf(MonitoringRefused.class)
                .hasMessageStartingWith("Working hours: the day must start before it ends");

        assertThat(superuser
                        .sql("select target from audit_event where tenant_id = :t and action = :a order by occurred_at")
                        .param("t", tenant.value())
                        .param("a", AuditAction.ACTIVITY_RULE_CHANGED.code())
                        .query(String.class)
                        .list())
                .containsExactlyInAnyOrder(
                        "exports.threshold:3->10",
                        "exports.window-minutes:60->30",
                        "outside-hours.enabled:true->false");
        assertThat(superuser
                        .sql("select count(*) from audit_event where tenant_id = :t and action = :a")
                        .param("t", tenant.value())
                        .param("a", AuditAction.ACTIVITY_RULES_CHANGED.code())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    private void workingHoursAroundNow(TenantId tenant) {
        LocalTime now = LocalTime.now(LONDON).truncatedTo(ChronoUnit.MINUTES);
        LocalTime starts = now.isBefore(LocalTime.of(2, 0)) ? LocalTime.MIDNIGHT : now.minusHours(2);
        LocalTime ends = now.isAfter(LocalTime.of(21, 58)) ? LocalTime.of(23, 59) : now.plusHours(2);
        setHours(tenant, new WorkingHours(EnumSet.allOf(DayOfWeek.class), starts, ends));
    }

    private void workingHoursNotToday(TenantId tenant) {
        DayOfWeek today = ZonedDateTime.now(LONDON).getDayOfWeek();
        Set<DayOfWeek> others = EnumSet.complementOf(EnumSet.of(today));
        setHours(tenant, new WorkingHours(others, LocalTime.MIDNIGHT, LocalTime.of(23, 59)));
    }

    private void setHours(TenantId tenant, WorkingHours hours) {
        signedInAsAdmin();
        transactions.inTenant(tenant, () -> rules.change(rules.settings().rules(), hours));
        SecurityContextHolder.clearContext();
    }

    private static void signedInAsAdmin() {
        SecurityContextHolder.getContext()
                .setAuthentication(new TestingAuthenticationToken("admin", null, "ROLE_TENANT_ADMIN"));
    }

    private void as(TenantId stream, Actor actor, Runnable work) {
        transactions.inTenant(stream, () -> {
            CURRENT.set(actor);
            try {
                work.run();
            } finally {
                CURRENT.remove();
            }
            return null;
        });
    }

    private static final ThreadLocal<Actor> CURRENT = new ThreadLocal<>();

    private void record(AuditAction action, String target) {
        trail.recordAs(CURRENT.get(), action, target, Outcome.SUCCESS);
    }

    private static List<String> clients(String prefix, int count) {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            codes.add("client:" + prefix + "-" + i);
        }
        return codes;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static Map<String, String> userIds(Api api, String admin) {
        Map<String, String> ids = new HashMap<>();
        for (JsonNode user : Api.read(api.get("/api/v1/users", admin))) {
            ids.put(user.get("email").asString(), user.get("id").asString());
        }
        return ids;
    }

    private List<Alert> activityAlerts(TenantId stream) {
        return superuser
                .sql("""
                        select id, rule, subject, what, who, happened_at, audit_entries from monitoring_alert
                        where tenant_id = :t and rule like 'activity:%' order by happened_at""")
                .param("t", stream.value())
                .query((row, n) -> new Alert(
                        row.getObject("id", java.util.UUID.class),
                        row.getString("rule"),
                        row.getString("subject"),
                        row.getString("what"),
                        row.getString("who"),
                        row.getTimestamp("happened_at").toInstant(),
                        Arrays.asList(
                                (java.util.UUID[]) row.getArray("audit_entries").getArray()),
                        null,
                        null,
                        null))
                .list();
    }

    private long entriesOf(TenantId tenant) {
        return superuser
                .sql("select count(*) from audit_event where tenant_id = :t")
                .param("t", tenant.value())
                .query(Long.class)
                .single();
    }

    /** An active operator, to whom installation alerts are e-mailed. */
    private String operator() {
        String email = Fixtures.uniqueSlug("ops") + "@activity.test";
        OperatorCommandLine.execute(
                context,
                new PrintWriter(new StringWriter(), true),
                new PrintWriter(new StringWriter(), true),
                "operator",
                "add",
                "--email",
                email);
        superuser
                .sql("update user_account set status = 'ACTIVE' where email = :e"
                        + " and tenant_id = '00000000-0000-0000-0000-000000000000'")
                .param("e", email)
                .update();
        return email;
    }
}
