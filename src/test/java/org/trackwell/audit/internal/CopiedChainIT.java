package org.trackwell.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.trackwell.audit.AuditAction;
import org.trackwell.audit.AuditTrail;
import org.trackwell.audit.Outcome;
import org.trackwell.database.TenantTransactions;
import org.trackwell.support.Fixtures;
import org.trackwell.support.TestPostgres;
import org.trackwell.support.TrackwellTest;
import org.trackwell.tenancy.Tenant;
import org.trackwell.tenancy.Tenants;

/**
 * Verification's quick path confirms an untouched chain on its own (so a fault in it cannot hide
 * behind the exact walk, which the tamper tests reach), and declines whatever it should not confirm.
 */
@TrackwellTest
class CopiedChainIT {

    @Autowired
    Tenants tenants;

    @Autowired
    AuditTrail trail;

    @Autowired
    Sealer sealer;

    @Autowired
    TenantTransactions transactions;

    @Autowired
    JdbcTemplate jdbc;

    private final JdbcClient superuser = JdbcClient.create(new SingleConnectionDataSource(connection(), true));

    Tenant tenant;

    @BeforeEach
    void trailOfTenEntries() {
        tenant = tenants.create(Fixtures.uniqueSlug("copied"), "Copied Chain Service");
        for (int i = 1; i <= 10; i++) {
            int n = i;
            transactions.inTenant(tenant.id(), () -> {
                trail.record(AuditAction.CLIENT_VIEWED, "client:" + n, Outcome.SUCCESS);
                return null;
            });
        }
        sealer.seal(tenant.id().value());
    }

    @Test
    void confirmsEveryLinkInChunksOfAnySize() {
        for (int chunk : new int[] {1, 3, 10, 65_536}) {
            assertThat(confirm(new CopiedChain(jdbc, chunk), Map.of(), null))
                    .contains(new CopiedChain.Confirmed(10, 10));
        }
    }

    @Test
    void confirmsFromAnExportedAnchorOnwards() {
        AuditCheckpoints.Checkpoint anchor = checkpoint(4, sealedHash(4));
        assertThat(confirm(new CopiedChain(jdbc, 3), Map.of(), anchor)).contains(new CopiedChain.Confirmed(6, 10));
        assertThat(confirm(new CopiedChain(jdbc, 3), Map.of(), checkpoint(4, sealedHash(5))))
                .isEmpty();
    }

    @Test
    void confirmsAgainstMatchingCheckpointsAndDeclinesADifferentOne() {
        assertThat(confirm(new CopiedChain(jdbc, 4), Map.of(7L, List.of(checkpoint(7, sealedHash(7)))), null))
                .isPresent();
        assertThat(confirm(new CopiedChain(jdbc, 4), Map.of(7L, List.of(checkpoint(7, sealedHash(6)))), null))
                .isEmpty();
    }

    @Test
    void declinesAnAlteredEntry() {
        tamper("update audit_event set target = 'thing:forged' where tenant_id = :t and target = 'client:4'");
        assertThat(confirm(new CopiedChain(jdbc, 3), Map.of(), null)).isEmpty();
    }

    @Test
    void declinesAnEntryInNoChain() {
        tamper("insert into audit_event (tenant_id, id, occurred_at, actor_type, action, target, outcome)"
                + " values (:t, gen_random_uuid(), now(), 'SYSTEM', 'test.entry', 'thing:forged', 'SUCCESS')");
        assertThat(confirm(new CopiedChain(jdbc, 3), Map.of(), null)).isEmpty();
    }

    @Test
    void declinesAnEntryInNoChainDatedAsEarlyAsCanBe() {
        tamper("insert into audit_event (tenant_id, id, occurred_at, actor_type, action, target, outcome)"
                + " values (:t, '00000000-0000-0000-0000-000000000000', '-infinity', 'SYSTEM', 'test.entry',"
                + " 'thing:forged', 'SUCCESS')");
        assertThat(confirm(new CopiedChain(jdbc, 3), Map.of(), null)).isEmpty();
    }

    @Test
    void declinesADeletedEntry() {
        tamper("delete from audit_event where tenant_id = :t and target = 'client:6'");
        assertThat(confirm(new CopiedChain(jdbc, 3), Map.of(), null)).isEmpty();
    }

    private Optional<CopiedChain.Confirmed> confirm(
            CopiedChain chain,
            Map<Long, List<AuditCheckpoints.Checkpoint>> checkpoints,
            AuditCheckpoints.@Nullable Checkpoint anchor) {
        return transactions.inTenant(
                tenant.id(), () -> chain.confirm(tenant.id().value(), checkpoints, anchor));
    }

    private AuditCheckpoints.Checkpoint checkpoint(long seq, byte[] hash) {
        return new AuditCheckpoints.Checkpoint(tenant.id().value(), seq, hash, Instant.now(), new byte[0]);
    }

    private byte[] sealedHash(long seq) {
        return superuser
                .sql("select hash from audit_seal where tenant_id = :t and seq = :s")
                .param("t", tenant.id().value())
                .param("s", seq)
                .query(byte[].class)
                .single();
    }

    private void tamper(String sql) {
        superuser.sql("set session_replication_role = replica").update();
        superuser.sql(sql.replace(":t", "'" + tenant.id() + "'")).update();
        superuser.sql("set session_replication_role = origin").update();
    }

    private static java.sql.Connection connection() {
        try {
            return TestPostgres.asSuperuser().getConnection();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
