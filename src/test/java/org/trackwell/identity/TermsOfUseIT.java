package org.trackwell.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.trackwell.operator.OperatorCommandLine;
import org.trackwell.support.Api;
import org.trackwell.support.Https;
import org.trackwell.support.TestPostgres;
import org.trackwell.support.TrackwellTest;
import org.trackwell.tenancy.Tenants;

/** Terms reach every tenant, so this test has a database of its own. */
@TrackwellTest
@TestPropertySource(properties = "trackwell.test.database=trackwell_terms_test")
class TermsOfUseIT {

    @LocalServerPort
    int port;

    @Autowired
    Tenants tenants;

    @Autowired
    Accounts accounts;

    @Autowired
    ApplicationContext context;

    @Test
    void afterTheOperatorPublishesNewTermsUsersMustAcceptThemBeforeAnythingElse() throws Exception {
        Api api = Api.newTenant(new Https(port), tenants, accounts, "terms");
        String token = api.signInAsAdmin();
        Path file = Files.createTempFile("terms", ".txt");
        Files.writeString(file, "Use Trackwell only for your service's clients.");
        StringWriter out = new StringWriter();
        int exit = OperatorCommandLine.execute(
                context,
                new PrintWriter(out, true),
                new PrintWriter(new StringWriter()),
                "terms",
                "publish",
                "--version",
                "2026-11",
                "--file",
                file.toString());
        assertThat(exit).isZero();

        var blocked = api.get("/api/v1/me", token);
        assertThat(blocked.statusCode()).isEqualTo(403);
        assertThat(blocked.body()).contains("terms of use");
        var current = api.get("/api/v1/me/terms", token);
        assertThat(Api.read(current).get("text").asString()).contains("service's clients");
        assertThat(api.post("/api/v1/me/terms", Api.json("version", "2025-01"), token)
                        .statusCode())
                .isEqualTo(409);
        assertThat(api.post("/api/v1/me/terms", Api.json("version", "2026-11"), token)
                        .statusCode())
                .isEqualTo(204);
        assertThat(api.get("/api/v1/me", token).statusCode()).isEqualTo(200);

        Timestamp acceptedAt = JdbcClient.create(TestPostgres.asSuperuser("trackwell_terms_test"))
                .sql("select accepted_at from terms_acceptance where version = '2026-11'")
                .query(Timestamp.class)
                .single();
        assertThat(acceptedAt).isNotNull();
        assertThat(JdbcClient.create(TestPostgres.asSuperuser("trackwell_terms_test"))
                        .sql(
                                "select count(*) from audit_event where action = 'terms.accepted' and target = 'terms:2026-11'")
                        .query(Long.class)
                        .single())
                .isOne();
    }
}
