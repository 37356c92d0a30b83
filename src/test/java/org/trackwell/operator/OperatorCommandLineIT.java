package org.trackwell.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.trackwell.support.Fixtures;
import org.trackwell.support.TestData;
import org.trackwell.support.TestPostgres;
import org.trackwell.support.TrackwellTest;
import org.trackwell.tenancy.TenantStatus;
import org.trackwell.tenancy.Tenants;

@TrackwellTest
class OperatorCommandLineIT {

    @Autowired
    ApplicationContext context;

    @Autowired
    Tenants tenants;

    @Autowired
    org.trackwell.audit.internal.Sealer sealer;

    @Test
    void createsATenantAndPrintsItsAdminsOneTimeLink() {
        String slug = Fixtures.uniqueSlug("acme");
        Result result = run(
                "tenant", "create", "--slug", slug, "--name", "Acme Counselling", "--admin-email", "Admin@Acme.test");
        assertThat(result.exit()).isZero();
        assertThat(result.out())
                .contains("Created tenant " + slug)
                .contains("admin@acme.test")
                .containsPattern("https://" + slug + "\\.localhost:\\d+/account/setup\\?token=[A-Za-z0-9_-]{43}");
        assertThat(tenants.bySlug(slug).status()).isEqualTo(TenantStatus.ACTIVE);
    }

    @Test
    void listsSuspendsAndResumesTenants() {
        String slug = Fixtures.uniqueSlug("listed");
        run("tenant", "create", "--slug", slug, "--name", "Listed", "--admin-email", "a@listed.test");
        assertThat(run("tenant", "list").out()).containsPattern(slug + "\\s+ACTIVE\\s+Listed");
        assertThat(run("tenant", "suspend", "--slug", slug).exit()).isZero();
        assertThat(run("tenant", "list").out()).containsPattern(slug + "\\s+SUSPENDED");
        assertThat(run("tenant", "resume", "--slug", slug).exit()).isZero();
        assertThat(tenants.bySlug(slug).active()).isTrue();
    }

    @Test
    void refusesABadOrTakenSlugWithAPlainMessage() {
        String slug = Fixtures.uniqueSlug("taken");
        run("tenant", "create", "--slug", slug, "--name", "First", "--admin-email", "a@t.test");
        Result taken = run("tenant", "create", "--slug", slug, "--name", "Second", "--admin-email", "b@t.test");
        Result bad = run("tenant", "create", "--slug", "Not A Slug!", "--name", "Bad", "--admin-email", "c@t.test");
        assertThat(taken.exit()).isEqualTo(2);
        assertThat(taken.err()).contains("already taken");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("lower-case letters");
        assertThat(run("tenant", "suspend", "--slug", "no-such-tenant").err()).contains("There is no tenant");
    }

    @Test
    void verifiesTheAuditTrailOfATenant() {
        String slug = Fixtures.uniqueSlug("verify");
        run("tenant", "create", "--slug", slug, "--name", "Verified", "--admin-email", "a@verified.test");
        sealer.seal(tenants.bySlug(slug).id().value());
        Result verified = run("audit", "verify", "--tenant", slug);
        assertThat(verified.exit()).as(verified.err()).isZero();
        assertThat(verified.out()).containsPattern(slug + "\\s+OK\\s+1 entries");
        Result unknown = run("audit", "verify", "--tenant", "no-such-tenant");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("There is no tenant");
    }

    @Test
    void tellsTheOperatorHowToReachTheDatabase() {
        Result info = run("db", "info");
        assertThat(info.exit()).isZero();
        assertThat(info.out()).contains("Runtime role:  trackwell_app").contains("psql \"postgresql://");
    }

    @Test
    void reportsDetailedHealth() {
        Result health = run("health");
        assertThat(health.exit()).isZero();
        assertThat(health.out()).contains("Database:        up").contains("Schema version:");
    }

    @Test
    void theJarItselfRunsOperatorCommandsAgainstTheConfiguredDatabase() throws Exception {
        String slug = Fixtures.uniqueSlug("jar");
        ProcessBuilder process = new ProcessBuilder(
                        ProcessHandle.current().info().command().orElse("java"),
                        "-jar",
                        System.getProperty("trackwell.jar"),
                        "tenant",
                        "create",
                        "--slug",
                        slug,
                        "--name",
                        "Jar Service",
                        "--admin-email",
                        "admin@jar.test")
                .redirectErrorStream(true);
        process.environment().put("TRACKWELL_DATABASE_URL", TestPostgres.jdbcUrl());
        process.environment()
                .put("TRACKWELL_DATABASE_PASSWORD", TestPostgres.passwords().runtime());
        process.environment()
                .put(
                        "TRACKWELL_DATABASE_OWNER_PASSWORD",
                        TestPostgres.passwords().owner());
        process.environment().put("TRACKWELL_DATABASE_UNSAFE_ALLOW_LOST_WRITES", "true");
        process.environment().put("TRACKWELL_DATA_DIR", TestData.DIRECTORY.toString());
        Process running = process.start();
        String output = new String(running.getInputStream().readAllBytes());
        assertThat(running.waitFor()).as(output).isZero();
        assertThat(output).contains("Created tenant " + slug).contains("/account/setup?token=");
        assertThat(tenants.bySlug(slug).displayName()).isEqualTo("Jar Service");
    }

    @Test
    void anUnknownCommandOrOptionPrintsTheUsageAndNeverStartsTheService() throws Exception {
        for (List<String> mistyped : List.of(List.of("frobnicate"), List.of("--verbose"), List.of("tenant-list"))) {
            List<String> command = new java.util.ArrayList<>(List.of(
                    ProcessHandle.current().info().command().orElse("java"),
                    "-jar",
                    System.getProperty("trackwell.jar")));
            command.addAll(mistyped);
            Process running =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(running.getInputStream().readAllBytes());
            assertThat(running.waitFor()).as(output).isEqualTo(2);
            assertThat(output)
                    .contains("Unknown command or option: " + String.join(" ", mistyped))
                    .contains("Usage: java -jar trackwell.jar")
                    .doesNotContain("Started TrackwellApplication");
        }
    }

    private Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = OperatorCommandLine.execute(context, new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(exit, out.toString(), err.toString());
    }

    private record Result(int exit, String out, String err) {}
}
