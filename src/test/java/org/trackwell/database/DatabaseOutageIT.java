package org.trackwell.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.trackwell.database.internal.EmbeddedPostgresServer;
import org.trackwell.database.internal.RoleBootstrap;
import org.trackwell.support.ServiceProcess;
import org.trackwell.support.TestPostgres;

/**
 * An external database that stops, as in a restart or a failover: requests are turned away at once
 * with 503 and Retry-After, health says DOWN, the service serves again by itself when the database
 * is back, and exits non-zero when it never comes back, for systemd to restart it.
 */
class DatabaseOutageIT {

    @Test
    void failsFastDuringAnOutageServesAgainAfterItAndExitsWhenTheDatabaseNeverReturns() throws Exception {
        Path external = Files.createTempDirectory("trackwell-external-db");
        EmbeddedPostgresServer.Settings settings = new EmbeddedPostgresServer.Settings(
                external, TestPostgres.freePort(), true, TestPostgres.BINARIES, false, null);
        EmbeddedPostgresServer database = startDatabase(settings);
        try (ServiceProcess service = ServiceProcess.on(
                        Files.createTempDirectory("trackwell-on-external"),
                        "TRACKWELL_DATABASE_URL",
                        database.jdbcUrl(EmbeddedPostgresServer.DATABASE),
                        "TRACKWELL_DATABASE_PASSWORD",
                        database.passwords().runtime(),
                        "TRACKWELL_DATABASE_OWNER_PASSWORD",
                        database.passwords().owner(),
                        "TRACKWELL_DATABASE_GIVE_UP_AFTER",
                        "15s")
                .start()) {
            String token = service.signInAsFirstAdmin();
            database.close();

            awaitStatus(() -> service.health(), 503, Duration.ofSeconds(15));
            long started = System.nanoTime();
            HttpResponse<String> refused = me(service, token);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(took).isLessThan(Duration.ofSeconds(2));
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(refused.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(refused.body()).doesNotContain("SQL", "Exception", "postgres");

            database = startDatabase(settings);
            awaitStatus(() -> service.health(), 200, Duration.ofSeconds(30));
            assertThat(me(service, token).statusCode()).isEqualTo(200);

            database.close();
            assertThat(service.awaitExit(Duration.ofSeconds(90))).isNotZero();
            assertThat(service.log()).contains("stopping so that the service supervisor starts Trackwell again");
        } finally {
            database.close();
        }
    }

    private static EmbeddedPostgresServer startDatabase(EmbeddedPostgresServer.Settings settings) {
        EmbeddedPostgresServer database = EmbeddedPostgresServer.open(settings, new SecureRandom());
        RoleBootstrap.ensureRolesAndDatabase(
                database.superuser(),
                EmbeddedPostgresServer.DATABASE,
                TestPostgres.OWNER,
                TestPostgres.RUNTIME,
                database.passwords());
        return database;
    }

    private static HttpResponse<String> me(ServiceProcess service, String token) {
        return service.https()
                .get(
                        service.demoHost(),
                        "/api/v1/me",
                        "Authorization",
                        "Bearer " + token,
                        "Accept",
                        "application/json");
    }

    static void awaitStatus(Supplier<HttpResponse<String>> request, int status, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        int last = -1;
        while (System.nanoTime() < deadline) {
            try {
                last = request.get().statusCode();
            } catch (RuntimeException notAnswering) {
                last = -1;
            }
            if (last == status) {
                return;
            }
            ServiceProcess.pause(Duration.ofMillis(200));
        }
        throw new AssertionError("expected " + status + " within " + within + ", last " + last);
    }
}
