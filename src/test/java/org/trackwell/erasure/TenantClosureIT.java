package org.trackwell.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.trackwell.audit.AuditTrail;
import org.trackwell.audit.AuditVerifier;
import org.trackwell.audit.CheckpointExport;
import org.trackwell.identity.Accounts;
import org.trackwell.keys.DestroyedKeys;
import org.trackwell.keys.KeyDestroyed;
import org.trackwell.operator.OperatorCommandLine;
import org.trackwell.shared.TenantId;
import org.trackwell.support.Api;
import org.trackwell.support.Https;
import org.trackwell.support.MutableClock;
import org.trackwell.support.PageSession;
import org.trackwell.support.TestPostgres;
import org.trackwell.support.TrackwellTest;
import org.trackwell.tenancy.TenantStatus;
import org.trackwell.tenancy.Tenants;

/**
 * Closing a tenant from the outside: a tenant admin takes the archive and asks on the page, the
 * tenant is read-only through the notice period, the operator closes it with the command; then no
 * row of it is left in any table (counted from the owner connection), its keys are gone, the
 * other tenant is whole and verifies, the certificate verifies until a byte changes, the
 * installation's audit of the closure stays, and its address says it has closed.
 */
@TrackwellTest
class TenantClosureIT {

    private static final String ARCHIVE_PASSWORD = "harbour quilt meadow 58 falcon";

    @LocalServerPort
    int port;

    @Autowired
    Tenants tenants;

    @Autowired
    Accounts accounts;

    @Autowired
    MutableClock clock;

    @Autowired
    AuditVerifier verifier;

    @Autowired
    CheckpointExport checkpoints;

    @Autowired
    ApplicationContext context;

    @Autowired
    TenantClosures closures;

    @Autowired
    @Qualifier("ownerDataSource")
    DataSource owner;

    @TempDir
    Path files;

    @Test
    void anAdminsRequestAndTheOperatorsCommandCloseTheTenantAndLeaveOnlyItsCertificateAndTheClosuresAudit()
            throws Exception {
        Api closing = Api.newTenant(new Https(port), tenants, accounts, "closing");
        String admin = closing.signInAsAdmin();
        String team = closing.newTeam(admin, "Riverside");
        String practitionerEmail = closing.newUserInTeam(admin, "Pat Practitioner", team, "PRACTITIONER");
        client(closing, closing.signIn(practitionerEmail, Api.GOOD_PASSWORD), team);
        Api staying = Api.newTenant(new Https(port), tenants, accounts, "staying");
        String otherAdmin = staying.signInAsAdmin();
        String otherTeam = staying.newTeam(otherAdmin, "Hillside");
        String otherPractitionerEmail =
                staying.newUserInTeam(otherAdmin, "Sam Practitioner", otherTeam, "PRACTITIONER");
        String otherPractitioner = staying.signIn(otherPractitionerEmail, Api.GOOD_PASSWORD);
        String otherClient = client(staying, otherPractitioner, otherTeam);
        Map<String, Long> otherRowsBefore = rowsOf(staying.tenant().id());

        PageSession practitionerPages = PageSession.signedIn(closing, practitionerEmail, Api.GOOD_PASSWORD);
        assertThat(practitionerPages
                        .submitFrom("/", "/admin/close", "reason", "The contract ends", "confirmed", "true")
                        .statusCode())
                .as("a practitioner cannot ask for the service to close")
                .isEqualTo(403);

        PageSession pages = PageSession.signedIn(closing, closing.adminEmail(), Api.GOOD_PASSWORD);
        assertThat(pages.submit("/admin/close", "reason", "The contract ends").statusCode())
                .isEqualTo(302);
        assertThat(pages.get("/admin/close").body())
                .as("no closing without the archive")
                .contains("Download the whole service")
                .contains("The contract ends");

        HttpResponse<String> archive = pages.submitFrom(
                "/admin/close", "/admin/export/archive", "password", ARCHIVE_PASSWORD, "repeated", ARCHIVE_PASSWORD);
        assertThat(archive.statusCode()).isEqualTo(200);
        assertThat(archive.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/pgp-encrypted"));

        HttpResponse<String> asked = pages.submit("/admin/close", "reason", "The contract ends");
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.body()).contains("Close this service?").contains("destroyed");
        assertThat(status(closing)).as("asking changes nothing").isEqualTo(TenantStatus.ACTIVE);
        assertThat(pages.submit("/admin/close", "reason", "The contract ends", "confirmed", "true")
                        .statusCode())
                .isEqualTo(302);
        assertThat(status(closing)).isEqualTo(TenantStatus.READ_ONLY);
        assertThat(pages.get("/admin/close").body()).contains("Closing has been asked for");
        assertThat(closing.post("/api/v1/teams", Api.json(Map.of("name", "Another")), admin)
                        .statusCode())
                .as("read-only through the notice period")
                .isEqualTo(403);

        Path certificate = files.resolve("closure.pdf");
        assertThat(operator(
                        "tenant", "close", "--slug", closing.tenant().slug(), "--certificate", certificate.toString()))
                .as("not before the notice period is over")
                .isEqualTo(2);
        assertThat(status(closing)).isEqualTo(TenantStatus.READ_ONLY);
        clock.advance(Duration.ofDays(30).plusMinutes(1));
        assertThat(operator(
                        "tenant", "close", "--slug", closing.tenant().slug(), "--certificate", certificate.toString()))
                .isZero();

        assertThat(status(closing)).isEqualTo(TenantStatus.CLOSED);
        assertThat(rowsOf(closing.tenant().id()))
                .as("no row of the closed tenant in any table, its keys included")
                .allSatisfy((table, rows) -> assertThat(rows).as(table).isZero())
                .containsKeys("tenant_data_key", "client_data_key", "client", "audit_event", "audit_seal");
        assertThat(withoutSealing(rowsOf(staying.tenant().id())))
                .as("the other tenant keeps every row")
                .isEqualTo(withoutSealing(otherRowsBefore));
        assertThat(verifier.verify(staying.tenant().id(), Optional.of(checkpoints.directory()))
                        .ok())
                .isTrue();
        String otherAgain = staying.signIn(otherPractitionerEmail, Api.GOOD_PASSWORD);
        assertThat(staying.get("/api/v1/clients/" + otherClient, otherAgain).statusCode())
                .isEqualTo(200);
        assertThat(tenants.list())
                .noneMatch(tenant -> tenant.id().equals(closing.tenant().id()));

        assertThat(operator("erasure", "verify-certificate", certificate.toString()))
                .isZero();
        byte[] changed = Files.readAllBytes(certificate);
        changed[changed.length / 2] ^= 1;
        Path tampered = files.resolve("tampered.pdf");
        Files.write(tampered, changed);
        assertThat(operator("erasure", "verify-certificate", tampered.toString()))
                .isEqualTo(1);
        Path again = files.resolve("again.pdf");
        assertThat(operator(
                        "tenant", "certificate", "--slug", closing.tenant().slug(), "--certificate", again.toString()))
                .isZero();
        assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(certificate));

        assertThat(installationAudit(closing.tenant().slug()))
                .contains("tenant.closure-requested", "tenant.closed", "tenant.closure-certified");
        assertThat(verifier.verify(AuditTrail.OPERATOR_STREAM, Optional.empty()).firstBreak())
                .as("the installation's trail verifies")
                .isEmpty();

        HttpResponse<String> page = closing.https().get(closing.host(), "/", "Accept", "text/html");
        assertThat(page.statusCode()).isEqualTo(410);
        assertThat(page.body()).contains("This service has closed");
        assertThat(closing.get("/api/v1/clients", admin).statusCode()).isEqualTo(410);
    }

    @Test
    void aResumedTenantsRequestIsSetAsideAndAClosureThatStoppedPartWayIsCarriedOn() throws Exception {
        Api api = Api.newTenant(new Https(port), tenants, accounts, "resumed");
        PageSession pages = PageSession.signedIn(api, api.adminEmail(), Api.GOOD_PASSWORD);
        assertThat(pages.submitFrom(
                                "/admin/close",
                                "/admin/export/archive",
                                "password",
                                ARCHIVE_PASSWORD,
                                "repeated",
                                ARCHIVE_PASSWORD)
                        .statusCode())
                .isEqualTo(200);
        assertThat(pages.submit("/admin/close", "reason", "The contract ends", "confirmed", "true")
                        .statusCode())
                .isEqualTo(302);
        assertThat(operator("tenant", "resume", "--slug", api.tenant().slug())).isZero();
        Path certificate = files.resolve("resumed.pdf");
        String[] close = {"tenant", "close", "--slug", api.tenant().slug(), "--certificate", certificate.toString()};
        assertThat(operator(close)).as("the request was set aside").isEqualTo(2);
        assertThat(pages.get("/admin/close").body()).doesNotContain("Closing has been asked for");

        assertThat(pages.submit("/admin/close", "reason", "The contract ends after all", "confirmed", "true")
                        .statusCode())
                .isEqualTo(302);
        assertThat(status(api)).isEqualTo(TenantStatus.READ_ONLY);
        clock.advance(Duration.ofDays(30).plusMinutes(1));
        tenants.close(api.tenant().id());

        assertThat(operator(close)).as("carried on after stopping once closed").isZero();
        assertThat(rowsOf(api.tenant().id()))
                .allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());
        assertThat(operator("erasure", "verify-certificate", certificate.toString()))
                .isZero();

        // Stopped after the rows, the request among them, and the audit stream went, before the
        // certificate was kept: the rerun says what the first run did.
        String certified = pdfText(certificate);
        JdbcClient.create(TestPostgres.asSuperuser())
                .sql("update tenant set closure_certificate = null where id = :tenant")
                .param("tenant", api.tenant().id().value())
                .update();
        Path again = files.resolve("resumed-again.pdf");
        assertThat(operator("tenant", "close", "--slug", api.tenant().slug(), "--certificate", again.toString()))
                .as("carried on after its rows went")
                .isZero();
        assertThat(pdfText(again))
                .isEqualTo(certified)
                .doesNotContain("a former user")
                .doesNotContain(" 0 rows");
        assertThat(operator(close)).as("closed already").isEqualTo(2);
    }

    private static String pdfText(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(Files.readAllBytes(pdf))) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void anAdminWithdrawsTheRequestAndTheServiceCanBeChangedAgainButNotAfterItClosed() {
        Api api = Api.newTenant(new Https(port), tenants, accounts, "withdrawn");
        String admin = api.signInAsAdmin();
        String practitionerEmail = api.newUserInTeam(admin, "Pat", api.newTeam(admin, "Riverside"), "PRACTITIONER");
        PageSession pages = PageSession.signedIn(api, api.adminEmail(), Api.GOOD_PASSWORD);
        assertThat(pages.submit("/admin/close/withdraw").statusCode()).isEqualTo(302);
        assertThat(pages.get("/admin/close").body())
                .as("nothing to withdraw before a request")
                .contains("has not been asked for");
        pages.submitFrom(
                "/admin/close", "/admin/export/archive", "password", ARCHIVE_PASSWORD, "repeated", ARCHIVE_PASSWORD);
        pages.submit("/admin/close", "reason", "The contract ends", "confirmed", "true");
        assertThat(status(api)).isEqualTo(TenantStatus.READ_ONLY);
        assertThat(pages.get("/admin/close").body()).contains("Closing has been asked for");
        PageSession practitioner = PageSession.signedIn(api, practitionerEmail, Api.GOOD_PASSWORD);
        assertThat(practitioner
                        .submitFrom("/admin/close", "/admin/close/withdraw")
                        .statusCode())
                .as("only a tenant admin withdraws")
                .isEqualTo(403);

        assertThat(pages.submit("/admin/close/withdraw").statusCode()).isEqualTo(302);
        assertThat(pages.get("/admin/close").body())
                .contains("has been withdrawn")
                .doesNotContain("Closing has been asked for");
        assertThat(status(api)).isEqualTo(TenantStatus.ACTIVE);
        assertThat(api.post("/api/v1/teams", Api.json(Map.of("name", "After all")), admin)
                        .statusCode())
                .isEqualTo(201);
        assertThat(installationAudit(api.tenant().slug())).contains("tenant.closure-withdrawn");
        Path certificate = files.resolve("withdrawn.pdf");
        assertThat(operator("tenant", "close", "--slug", api.tenant().slug(), "--certificate", certificate.toString()))
                .as("a withdrawn request closes nothing")
                .isEqualTo(2);
    }

    @Test
    void aRestoreFromBeforeTheClosureClosesTheTenantAgain() {
        Api restored = Api.newTenant(new Https(port), tenants, accounts, "restored");
        String admin = restored.signInAsAdmin();
        String team = restored.newTeam(admin, "Riverside");
        client(
                restored,
                restored.signIn(restored.newUserInTeam(admin, "Pat", team, "PRACTITIONER"), Api.GOOD_PASSWORD),
                team);
        assertThat(rowsOf(restored.tenant().id()))
                .hasEntrySatisfying("client", rows -> assertThat(rows).isPositive());

        // What a restore does with the erasure ledger's record of the closure, before the database opens.
        DestroyedKeys.destroyAgain(
                TestPostgres.asSuperuser(),
                List.of(new KeyDestroyed(restored.tenant().id(), null, Instant.now(), true)));

        assertThat(status(restored)).isEqualTo(TenantStatus.CLOSED);
        assertThat(rowsOf(restored.tenant().id()))
                .allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());
    }

    @Test
    void applyingTheLedgerAfterARestoreByOtherToolsClosesTheTenantAgain() {
        Api restored = Api.newTenant(new Https(port), tenants, accounts, "reapplied");
        String admin = restored.signInAsAdmin();
        String team = restored.newTeam(admin, "Riverside");
        client(
                restored,
                restored.signIn(restored.newUserInTeam(admin, "Pat", team, "PRACTITIONER"), Api.GOOD_PASSWORD),
                team);

        // What backup erasures --apply does with the ledger's record of the closure.
        KeyDestroyed closure = new KeyDestroyed(restored.tenant().id(), null, Instant.now(), true);
        assertThat(closures.closeAgain(closure)).isTrue();
        assertThat(closures.closeAgain(closure))
                .as("closing again twice changes nothing")
                .isFalse();

        assertThat(status(restored)).isEqualTo(TenantStatus.CLOSED);
        assertThat(rowsOf(restored.tenant().id()))
                .allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());
    }

    @Test
    void onlyTheOwnerRoleRemovesATenantAndOnlyAClosedTenantsAuditStreamCanBeDeleted() throws Exception {
        Api open = Api.newTenant(new Https(port), tenants, accounts, "guarded");
        open.signInAsAdmin();
        UUID tenant = open.tenant().id().value();
        JdbcClient runtime = JdbcClient.create(TestPostgres.as(TestPostgres.RUNTIME));
        for (String call : List.of("select * from close_tenant_rows(:t)", "select erase_closed_audit_stream(:t)")) {
            assertThatThrownBy(
                            () -> runtime.sql(call).param("t", tenant).query().listOfRows())
                    .as(call)
                    .hasStackTraceContaining("permission denied");
        }
        JdbcClient asOwner = JdbcClient.create(owner);
        for (String call : List.of("select * from close_tenant_rows(:t)", "select erase_closed_audit_stream(:t)")) {
            assertThatThrownBy(
                            () -> asOwner.sql(call).param("t", tenant).query().listOfRows())
                    .as(call)
                    .hasStackTraceContaining("is not closed");
        }
        try (Connection connection = owner.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement naming = connection.prepareStatement(
                    "select set_config('trackwell.erasing_audit_stream', ?, true), set_config('app.tenant_id', ?, true)")) {
                naming.setString(1, tenant.toString());
                naming.setString(2, tenant.toString());
                naming.executeQuery().close();
            }
            assertThatThrownBy(() -> connection
                            .prepareStatement("delete from audit_event where tenant_id = '" + tenant + "'")
                            .executeUpdate())
                    .as("an open tenant's stream stays, even for the owner naming it")
                    .hasStackTraceContaining("append-only");
            connection.rollback();
        }
        assertThat(rowsOf(open.tenant().id()))
                .hasEntrySatisfying("audit_event", rows -> assertThat(rows).isPositive());
    }

    private TenantStatus status(Api api) {
        return tenants.byId(api.tenant().id()).orElseThrow().status();
    }

    /** Rows of the tenant in every table that has a tenant_id, read as the owner role within the tenant. */
    private Map<String, Long> rowsOf(TenantId tenant) {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection connection = owner.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement set = connection.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
                set.setString(1, tenant.value().toString());
                set.executeQuery().close();
            }
            List<String> tables = new ArrayList<>();
            try (ResultSet found = connection.prepareStatement("""
                            select c.table_name from information_schema.columns c
                            join information_schema.tables t using (table_schema, table_name)
                            where c.table_schema = current_schema() and c.column_name = 'tenant_id'
                              and t.table_type = 'BASE TABLE' and c.table_name <> 'tenant_host'""").executeQuery()) {
                while (found.next()) {
                    tables.add(found.getString(1));
                }
            }
            for (String table : tables) {
                try (PreparedStatement count =
                        connection.prepareStatement("select count(*) from " + table + " where tenant_id = ?")) {
                    count.setObject(1, tenant.value());
                    try (ResultSet rows = count.executeQuery()) {
                        rows.next();
                        counts.put(table, rows.getLong(1));
                    }
                }
            }
            connection.rollback();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return counts;
    }

    /** The sealer links entries in the background: the other tenant's trail is checked by verifying it. */
    private static Map<String, Long> withoutSealing(Map<String, Long> rows) {
        Map<String, Long> kept = new TreeMap<>(rows);
        kept.keySet().removeAll(List.of("audit_pending", "audit_seal", "audit_checkpoint"));
        return kept;
    }

    private List<String> installationAudit(String slug) {
        return JdbcClient.create(TestPostgres.asSuperuser())
                .sql(
                        "select action from audit_event where tenant_id = :nil and target like :target order by occurred_at")
                .param("nil", new UUID(0, 0))
                .param("target", "tenant:" + slug + "%")
                .query((row, n) -> row.getString(1))
                .list();
    }

    private int operator(String... arguments) {
        return OperatorCommandLine.execute(
                context, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), arguments);
    }

    private static String client(Api api, String practitioner, String team) {
        HttpResponse<String> created =
                api.post("/api/v1/clients", Api.json(Map.of("teamId", team, "identifiers", Map.of())), practitioner);
        assertThat(created.statusCode()).as(created.body()).isBetween(200, 299);
        String code = Api.read(created).get("code").asString();
        assertThat(api.post("/api/v1/clients/" + code + "/notes", Api.json(Map.of("text", "Seen today")), practitioner)
                        .statusCode())
                .isBetween(200, 299);
        return code;
    }
}
