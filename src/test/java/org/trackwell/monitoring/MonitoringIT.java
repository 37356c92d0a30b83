package org.trackwell.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.TestPropertySource;
import org.trackwell.audit.AuditTrail;
import org.trackwell.audit.internal.Sealer;
import org.trackwell.database.TenantTransactions;
import org.trackwell.monitoring.internal.WebhookSender;
import org.trackwell.operator.OperatorCommandLine;
import org.trackwell.support.ChainRewrite;
import org.trackwell.support.Fixtures;
import org.trackwell.support.MutableClock;
import org.trackwell.support.TestData;
import org.trackwell.support.TestMail;
import org.trackwell.support.TestPostgres;
import org.trackwell.support.TrackwellTest;
import org.trackwell.tenancy.Tenant;
import org.trackwell.tenancy.Tenants;

/**
 * Tampering found at the next check and told to the operators by e-mail (GreenMail) and by a
 * signed webhook (a real HTTP receiver on loopback). The tests do not run from a jar, so the file
 * manifest watches a directory the test controls, holding a stand-in jar and a configuration file.
 */
@TrackwellTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestPropertySource(
        properties = {
            "trackwell.test.database=trackwell_monitoring",
            "trackwell.audit.checkpoint-interval=0s",
            "trackwell.audit.checkpoint-dir=${trackwell.data-dir}/monitoring-checkpoints",
            "trackwell.monitoring.files=${trackwell.data-dir}/monitoring-files",
            "trackwell.monitoring.webhooks-to-loopback=true"
        })
class MonitoringIT {

    private static final Path FILES = TestData.DIRECTORY.resolve("monitoring-files");
    private static final String DATABASE = "trackwell_monitoring";
    private static final List<String[]> RECEIVED = new CopyOnWriteArrayList<>();
    private static final java.util.concurrent.atomic.AtomicInteger FAILURES_TO_ANSWER =
            new java.util.concurrent.atomic.AtomicInteger();
    private static HttpServer receiver;

    @Autowired
    IntegrityChecks checks;

    @Autowired
    Webhooks webhooks;

    @Autowired
    Alerts alerts;

    @Autowired
    WebhookSender sender;

    @Autowired
    Tenants tenants;

    @Autowired
    AuditTrail trail;

    @Autowired
    Sealer sealer;

    @Autowired
    TenantTransactions transactions;

    @Autowired
    ApplicationContext context;

    @Autowired
    MutableClock clock;

    private final JdbcClient superuser = JdbcClient.create(new SingleConnectionDataSource(connection(), true));
    private String operator;
    private String secret;

    /** Before the application starts: checkpoints a database of an earlier run exported are not this one's. */
    @BeforeAll
    static void receiver() throws Exception {
        org.trackwell.shared.DirectoryTrees.deleteQuietly(TestData.DIRECTORY.resolve("monitoring-checkpoints"));
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            RECEIVED.add(new String[] {body, exchange.getRequestHeaders().getFirst("X-Trackwell-Signature")});
            exchange.sendResponseHeaders(FAILURES_TO_ANSWER.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 500 : 204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.stop(0);
    }

    @BeforeEach
    void cleanInstallationWithAnOperatorAndAWebhook() throws Exception {
        Files.createDirectories(FILES);
        Files.writeString(FILES.resolve("trackwell.jar"), "the jar as shipped");
        Files.writeString(FILES.resolve("application.properties"), "trackwell.mail.from=ops@example.org\n");
        operator = Fixtures.uniqueSlug("ops") + "@monitoring.test";
        run("operator", "add", "--email", operator);
        superuser
                .sql(
                        "update user_account set status = 'ACTIVE' where email = :e and tenant_id = '00000000-0000-0000-0000-000000000000'")
                .param("e", operator)
                .update();
        SecurityContextHolder.getContext()
                .setAuthentication(new TestingAuthenticationToken("op", null, "ROLE_OPERATOR"));
        try {
            transactions.inTenant(AuditTrail.OPERATOR_STREAM, () -> {
                webhooks.list().forEach(hook -> webhooks.remove(hook.id()));
                secret = webhooks.add(
                                "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook")
                        .secret();
                return null;
            });
        } finally {
            SecurityContextHolder.clearContext();
        }
        sealer.sealAll();
        assertThat(checks.runAll()).noneMatch(CheckResult::finding);
        assertThat(run("check")).isZero();
        RECEIVED.clear();
    }

    @Test
    @Order(0)
    void theSchemaFingerprintIsRecordedAsTheMigrationsLeftItBeforeAnyCheck() {
        Boolean beforeAnyCheck = superuser.sql("""
                        select b.recorded_at <= (select min(checked_at) from monitoring_check_result)
                        from monitoring_baseline b
                        where b.kind = 'schema'
                          and b.key = (select max(installed_rank)::text from flyway_schema_history)""").query(Boolean.class).single();
        assertThat(beforeAnyCheck).isTrue();
    }

    @Test
    @Order(0)
    void addingAndRemovingAWebhookIsRecordedInTheOperatorStream() {
        List<String> actions = transactions
                .inTenant(
                        AuditTrail.OPERATOR_STREAM,
                        () -> trail.about(
                                "webhook:"
                                        + asOperator(() -> webhooks.list())
                                                .getFirst()
                                                .id(),
                                10))
                .stream()
                .map(org.trackwell.audit.AuditEntry::action)
                .toList();
        assertThat(actions).contains("webhook.added");
        UUID hook = asOperator(() -> webhooks.list()).getFirst().id();
        asOperator(() -> {
            webhooks.remove(hook);
            return null;
        });
        assertThat(transactions.inTenant(AuditTrail.OPERATOR_STREAM, () -> trail.about("webhook:" + hook, 10)))
                .extracting(org.trackwell.audit.AuditEntry::action)
                .contains("webhook.added", "webhook.removed");
    }

    @Test
    @Order(1)
    void aReplacedJarIsFoundAndAlerted() throws Exception {
        Files.writeString(FILES.resolve("trackwell.jar"), "a jar someone swapped in");
        assertAlerted("trackwell.jar changed");
        Files.writeString(FILES.resolve("trackwell.jar"), "the jar as shipped");
    }

    @Test
    @Order(2)
    void anEditedConfigurationFileIsFoundAndAlerted() throws Exception {
        Files.writeString(FILES.resolve("application.properties"), "trackwell.mail.from=attacker@example.org\n");
        assertAlerted("application.properties changed");
        Files.writeString(FILES.resolve("application.properties"), "trackwell.mail.from=ops@example.org\n");
    }

    @Test
    @Order(3)
    void aTriggerDroppedAsSuperuserIsFoundAndAlerted() {
        superuser.sql("drop trigger audit_event_append_only on audit_event").update();
        try {
            assertAlerted("audit_event_append_only");
        } finally {
            superuser.sql("""
                    create trigger audit_event_append_only before update or delete on audit_event
                        for each row execute function audit_append_only()""").update();
        }
    }

    @Test
    @Order(4)
    void rowLevelSecurityTurnedOffIsFoundAndAlerted() {
        superuser.sql("alter table client disable row level security").update();
        try {
            assertAlerted("table client kind=r rls=false force=true");
        } finally {
            superuser.sql("alter table client enable row level security").update();
        }
    }

    @Test
    @Order(5)
    void aBackDatedEntryByTheRuntimeRoleIsRefusedByTheDatabaseAndNothingElseIsFound() {
        JdbcClient runtime = JdbcClient.create(TestPostgres.as(TestPostgres.RUNTIME, DATABASE));
        assertThatThrownBy(() -> runtime.sql("""
                        insert into audit_event (tenant_id, id, occurred_at, actor_type, action, outcome)
                        values ('00000000-0000-0000-0000-000000000000', :id, now() - interval '1 day', 'SYSTEM',
                                'test.back-dated', 'SUCCESS')""").param("id", UUID.randomUUID()).update())
                .hasMessageContaining("dated by the database");
        assertThat(checks.runAll()).noneMatch(CheckResult::finding);
    }

    @Test
    @Order(6)
    void theCheckCommandExitsOneOnAFindingAndZeroWhenClean() throws Exception {
        assertThat(run("check")).isZero();
        Files.writeString(FILES.resolve("extra.conf"), "added=1\n");
        assertThat(run("check")).isEqualTo(1);
        assertThat(run("check", "--accept-files")).isZero();
        Files.delete(FILES.resolve("extra.conf"));
        assertThat(run("check")).isEqualTo(1);
        assertThat(run("check", "--accept-files")).isZero();
        superuser
                .sql("create index a_dba_added on client (tenant_id, created_at)")
                .update();
        try {
            assertThat(run("check")).isEqualTo(1);
            assertThat(run("check", "--accept-schema")).isZero();
        } finally {
            superuser.sql("drop index a_dba_added").update();
        }
        assertThat(run("check", "--accept-schema")).isZero();
    }

    @Test
    @Order(7)
    void eachCheckVerifiesTheNewAuditEntriesAndTheWholeChainsOnceAWeek() {
        clock.advance(Duration.ofDays(8));
        assertThat(auditTrailResult()).contains("whole chains");
        assertThat(auditTrailResult()).contains("new entries");
    }

    @Test
    @Order(8)
    void aFailedWebhookPostIsTriedAgainOnlyAfterItsBackoffByTheClockAndThenDelivered() throws Exception {
        FAILURES_TO_ANSWER.set(1);
        Files.writeString(FILES.resolve("retried.conf"), "added=1\n");
        try {
            checks.runAll();
            assertThat(sender.deliverDue()).isEqualTo(1);
            assertThat(sender.deliverDue()).as("not again before the backoff").isZero();
            clock.advance(Duration.ofSeconds(31));
            assertThat(sender.deliverDue()).isEqualTo(1);
            assertThat(RECEIVED).hasSize(2);
            WebhookDelivery delivery = asOperator(() -> webhooks.deliveries(1)).getFirst();
            assertThat(delivery.state()).isEqualTo("delivered");
            assertThat(delivery.attempts()).isEqualTo(2);
            assertThat(delivery.lastOutcome()).isEqualTo("HTTP 204");
        } finally {
            Files.delete(FILES.resolve("retried.conf"));
        }
    }

    @Test
    @Order(100)
    void aTenantsWholeChainRewrittenConsistentlyIsFoundAgainstTheExportedCheckpoints() {
        Tenant tenant = tenants.create(Fixtures.uniqueSlug("rewritten"), "Rewritten Service");
        for (int i = 1; i <= 5; i++) {
            int n = i;
            transactions.inTenant(tenant.id(), () -> {
                trail.record(
                        org.trackwell.audit.AuditAction.CLIENT_VIEWED,
                        "client:" + n,
                        org.trackwell.audit.Outcome.SUCCESS);
                return null;
            });
        }
        sealer.seal(tenant.id().value());
        assertThat(checks.runAll()).noneMatch(CheckResult::finding);
        superuser.sql("set session_replication_role = replica").update();
        superuser
                .sql("update audit_event set target = 'thing:rewritten' where tenant_id = :t and target = 'client:2'")
                .param("t", tenant.id().value())
                .update();
        rehashWholeChain(tenant);
        superuser
                .sql("delete from audit_checkpoint where tenant_id = :t")
                .param("t", tenant.id().value())
                .update();
        superuser.sql("set session_replication_role = origin").update();
        assertAlerted("tenant " + tenant.slug() + ": the chain breaks");
        SecurityContextHolder.getContext()
                .setAuthentication(new TestingAuthenticationToken("admin", null, "ROLE_TENANT_ADMIN"));
        try {
            assertThat(transactions.inTenant(tenant.id(), () -> alerts.newest(10)))
                    .extracting(Alert::what)
                    .containsExactly("The audit trail of this service no longer verifies: an entry was changed,"
                            + " removed or added outside Trackwell. The operators have been alerted and have the"
                            + " details.");
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private <T> T asOperator(java.util.function.Supplier<T> work) {
        SecurityContextHolder.getContext()
                .setAuthentication(new TestingAuthenticationToken("op", null, "ROLE_OPERATOR"));
        try {
            return transactions.inTenant(AuditTrail.OPERATOR_STREAM, work);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private String auditTrailResult() {
        return checks.runAll().stream()
                .filter(result -> result.check() == Check.AUDIT_TRAIL)
                .findFirst()
                .orElseThrow()
                .summary();
    }

    private void assertAlerted(String finding) {
        List<CheckResult> results = checks.runAll();
        assertThat(results).anySatisfy(result -> {
            assertThat(result.finding()).isTrue();
            assertThat(result.summary()).contains(finding);
        });
        assertThat(TestMail.to(operator))
                .anySatisfy(mail -> assertThat(TestMail.text(mail)).contains(finding));
        sender.deliverDue();
        assertThat(RECEIVED).anySatisfy(post -> {
            assertThat(post[0]).contains(finding);
            assertThat(post[1]).isEqualTo("sha256=" + WebhookSender.sign(secret, post[0]));
        });
    }

    private void rehashWholeChain(Tenant tenant) {
        ChainRewrite.rehash(
                superuser,
                tenant.id(),
                (seq, hash) -> superuser
                        .sql("update audit_seal set hash = :h where tenant_id = :t and seq = :s")
                        .param("h", hash)
                        .param("t", tenant.id().value())
                        .param("s", seq)
                        .update());
    }

    private int run(String... args) {
        return OperatorCommandLine.execute(
                context, new PrintWriter(new StringWriter(), true), new PrintWriter(new StringWriter(), true), args);
    }

    private static java.sql.Connection connection() {
        try {
            return TestPostgres.asSuperuser(DATABASE).getConnection();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
