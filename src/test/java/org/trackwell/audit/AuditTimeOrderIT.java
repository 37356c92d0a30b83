package org.trackwell.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.trackwell.audit.internal.Sealer;
import org.trackwell.database.TenantTransactions;
import org.trackwell.support.Fixtures;
import org.trackwell.support.TestPostgres;
import org.trackwell.support.TrackwellTest;
import org.trackwell.tenancy.Tenant;
import org.trackwell.tenancy.Tenants;

/**
 * The database dates every entry and keeps each stream in time order, against the runtime role,
 * and without ever refusing the application's own concurrent writers.
 */
@TrackwellTest
class AuditTimeOrderIT {

    private static final String DATED_ENTRY = """
            insert into audit_event (tenant_id, id, occurred_at, actor_type, action, target, outcome)
            values (cast(current_setting('app.tenant_id') as uuid), gen_random_uuid(), %s, 'SYSTEM', 'test.forged',
              'thing:forged', 'SUCCESS')""";

    private static final String UNDATED_ENTRY = """
            insert into audit_event (tenant_id, id, actor_type, action, target, outcome)
            select cast(current_setting('app.tenant_id') as uuid), cast(:id as uuid), 'SYSTEM', 'test.late', 'thing:late',
              'SUCCESS'""";

    @Autowired
    Tenants tenants;

    @Autowired
    AuditTrail trail;

    @Autowired
    Sealer sealer;

    @Autowired
    AuditVerifier verifier;

    @Autowired
    TenantTransactions transactions;

    Tenant tenant;

    @BeforeEach
    void tenant() {
        tenant = tenants.create(Fixtures.uniqueSlug("order"), "Order Service");
    }

    @Test
    void theRuntimeRoleCannotDateAnEntryItself() {
        record(AuditAction.CLIENT_VIEWED);
        try (Runtime runtime = new Runtime(tenant)) {
            for (String time :
                    List.of("now() - interval '1 hour'", "clock_timestamp() + interval '1 minute'", "now()")) {
                assertThatThrownBy(() ->
                                runtime.jdbc.sql(DATED_ENTRY.formatted(time)).update())
                        .rootCause()
                        .hasMessageContaining("dated by the database as it is written");
            }
        }
    }

    /**
     * As after the database's clock stepped back: an entry already in the stream is dated later
     * than the clock (put there by the superuser with the triggers off), and the runtime role's next
     * entry, which the database would date before it, is refused.
     */
    @Test
    void refusesAnEntryThatWouldBeDatedBeforeOneAlreadyInItsStream() {
        JdbcClient superuser = JdbcClient.create(
                new org.springframework.jdbc.datasource.SingleConnectionDataSource(superuserConnection(), true));
        superuser.sql("set session_replication_role = replica").update();
        superuser.sql("""
                        insert into audit_event (tenant_id, id, occurred_at, actor_type, action, target, outcome)
                        values (:t, gen_random_uuid(), clock_timestamp() + interval '1 hour', 'SYSTEM', 'test.ahead',
                          'thing:ahead', 'SUCCESS')""").param("t", tenant.id().value()).update();
        superuser.sql("set session_replication_role = origin").update();
        try (Runtime runtime = new Runtime(tenant)) {
            assertThatThrownBy(() -> runtime.jdbc
                            .sql(UNDATED_ENTRY)
                            .param("id", UUID.randomUUID().toString())
                            .update())
                    .rootCause()
                    .hasMessageContaining("may not be dated before an entry already in its stream");
        }
    }

    private static java.sql.Connection superuserConnection() {
        try {
            return TestPostgres.asSuperuser().getConnection();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void datesAnEntryAfterEveryEntryCommittedBeforeItIsWritten() throws Exception {
        UUID late = UUID.randomUUID();
        try (Runtime runtime = new Runtime(tenant);
                Runtime gate = new Runtime(tenant)) {
            gate.jdbc.sql("select pg_advisory_lock(4242)").query().singleRow();
            ExecutorService background = Executors.newSingleThreadExecutor();
            try {
                // Begun before the newer entry is written, held until it has committed.
                Future<?> held = background.submit(() -> runtime.jdbc
                        .sql(UNDATED_ENTRY + " from (select pg_advisory_lock(4242)) held")
                        .param("id", late.toString())
                        .update());
                awaitWaitingForTheLock();
                record(AuditAction.CLIENT_UPDATED);
                gate.jdbc.sql("select pg_advisory_unlock(4242)").query().singleRow();
                held.get(10, TimeUnit.SECONDS);
            } finally {
                background.shutdownNow();
            }
        }
        JdbcClient superuser = JdbcClient.create(TestPostgres.asSuperuser());
        Instant newer = superuser
                .sql("select occurred_at from audit_event where tenant_id = :t and action = 'client.updated'")
                .param("t", tenant.id().value())
                .query(Timestamp.class)
                .single()
                .toInstant();
        Instant written = superuser
                .sql("select occurred_at from audit_event where tenant_id = :t and id = :id")
                .param("t", tenant.id().value())
                .param("id", late)
                .query(Timestamp.class)
                .single()
                .toInstant();
        assertThat(written).isAfterOrEqualTo(newer);
    }

    @Test
    void theRuntimeRoleCannotLinkEntriesOutOfOrderOrSkipASequenceNumber() {
        UUID earlier = UUID.randomUUID();
        UUID later = UUID.randomUUID();
        try (Runtime runtime = new Runtime(tenant)) {
            // Left off the pending list, so the sealer leaves them to this test.
            runtime.jdbc.sql(UNDATED_ENTRY).param("id", earlier.toString()).update();
            runtime.jdbc.sql(UNDATED_ENTRY).param("id", later.toString()).update();
            String link = "insert into audit_seal (tenant_id, seq, event_id, hash, sealed_at)"
                    + " values (cast(current_setting('app.tenant_id') as uuid), :seq, :id, '\\x00', now())";
            assertThatThrownBy(() -> runtime.jdbc
                            .sql(link)
                            .param("seq", 2)
                            .param("id", earlier)
                            .update())
                    .rootCause()
                    .hasMessageContaining("one by one");
            runtime.jdbc.sql(link).param("seq", 1).param("id", later).update();
            assertThatThrownBy(() -> runtime.jdbc
                            .sql(link)
                            .param("seq", 2)
                            .param("id", earlier)
                            .update())
                    .rootCause()
                    .hasMessageContaining("dated no earlier than the one before it");
        }
    }

    @Test
    void concurrentWritersAreNeverRefusedAndTheirTrailVerifiesInTimeOrder() throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(8);
        AtomicBoolean writing = new AtomicBoolean(true);
        CompletableFuture<Void> sealing = CompletableFuture.runAsync(() -> {
            while (writing.get()) {
                sealer.seal(tenant.id().value());
            }
        });
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < 8; w++) {
                int writer = w;
                done.add(writers.submit(() -> {
                    for (int i = 0; i < 40; i++) {
                        int n = i;
                        transactions.inTenant(tenant.id(), () -> {
                            trail.record(
                                    AuditAction.CLIENT_VIEWED, "client:thing-" + writer + "-" + n, Outcome.SUCCESS);
                            // Commits out of the order the entries were dated in.
                            pause((writer + n) % 5);
                            return null;
                        });
                    }
                }));
            }
            for (Future<?> writer : done) {
                writer.get(60, TimeUnit.SECONDS);
            }
        } finally {
            writing.set(false);
            writers.shutdown();
        }
        sealing.get(30, TimeUnit.SECONDS);
        sealer.seal(tenant.id().value());
        StreamVerification result = verifier.verify(tenant.id(), Optional.empty());
        assertThat(result.ok()).as(result.toString()).isTrue();
        assertThat(result.entriesChecked())
                .isEqualTo(JdbcClient.create(TestPostgres.asSuperuser())
                        .sql("select count(*) from audit_event where tenant_id = :t")
                        .param("t", tenant.id().value())
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(8 * 40);
    }

    private void record(AuditAction action) {
        transactions.inTenant(tenant.id(), () -> {
            trail.record(action, "client:thing-1", Outcome.SUCCESS);
            return null;
        });
    }

    private static void awaitWaitingForTheLock() throws InterruptedException {
        JdbcClient superuser = JdbcClient.create(TestPostgres.asSuperuser());
        for (int i = 0; i < 500; i++) {
            boolean waiting = superuser
                    .sql(
                            "select exists (select 1 from pg_locks where locktype = 'advisory' and objid = 4242 and not granted)")
                    .query(Boolean.class)
                    .single();
            if (waiting) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the late insert never waited for the lock");
    }

    private static void pause(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One connection as the runtime role, confined to the tenant as the application would be. */
    private static final class Runtime implements AutoCloseable {

        private final SingleConnectionDataSource connection;
        private final JdbcClient jdbc;

        Runtime(Tenant tenant) {
            connection = new SingleConnectionDataSource(connect(), true);
            jdbc = JdbcClient.create(connection);
            jdbc.sql("select set_config('app.tenant_id', :t, false)")
                    .param("t", tenant.id().toString())
                    .query()
                    .singleRow();
        }

        private static java.sql.Connection connect() {
            try {
                return TestPostgres.as(TestPostgres.RUNTIME).getConnection();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() {
            connection.destroy();
        }
    }
}
