package org.trackwell.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.test.context.TestPropertySource;
import org.trackwell.audit.ChainBreak.Kind;
import org.trackwell.audit.internal.ChainHash;
import org.trackwell.audit.internal.Sealer;
import org.trackwell.audit.internal.StoredEvent;
import org.trackwell.database.TenantTransactions;
import org.trackwell.support.ChainRewrite;
import org.trackwell.support.Fixtures;
import org.trackwell.support.TestData;
import org.trackwell.support.TestPostgres;
import org.trackwell.support.TrackwellTest;
import org.trackwell.tenancy.Tenant;
import org.trackwell.tenancy.Tenants;

/** Tampers with the trail as the database superuser would, and expects verification to find it. */
@TrackwellTest
@TestPropertySource(
        properties = {
            "trackwell.audit.checkpoint-interval=0s",
            "trackwell.audit.checkpoint-dir=${trackwell.data-dir}/checkpoints"
        })
class TamperDetectionIT {

    private static final Path EXPORTED = TestData.DIRECTORY.resolve("checkpoints");

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

    /** One connection, so that switching off the triggers for tampering holds for what follows. */
    private final JdbcClient superuser = JdbcClient.create(new SingleConnectionDataSource(connection(), true));

    Tenant tenant;

    @BeforeEach
    void trailOfTenEntries() {
        tenant = tenants.create(Fixtures.uniqueSlug("tamper"), "Tamper Service");
        for (int i = 1; i <= 10; i++) {
            int n = i;
            transactions.inTenant(tenant.id(), () -> {
                trail.record(AuditAction.CLIENT_VIEWED, "client:" + n, Outcome.SUCCESS);
                return null;
            });
        }
        sealer.seal(tenant.id().value());
        assertThat(verify().ok()).isTrue();
        assertThat(verify().entriesChecked()).isEqualTo(10);
    }

    @Test
    void findsAnAlteredEntryAtItsPlace() {
        tamper("update audit_event set target = 'thing:forged' where tenant_id = :t and target = 'client:4'");
        assertBreak(4, Kind.ALTERED);
    }

    @Test
    void findsADeletedEntryAtItsPlace() {
        tamper("delete from audit_event where tenant_id = :t and target = 'client:6'");
        assertBreak(6, Kind.DELETED);
    }

    @Test
    void findsAnEntryInsertedByHand() {
        tamper("insert into audit_event (tenant_id, id, occurred_at, actor_type, action, target, outcome)"
                + " values (:t, gen_random_uuid(), now(), 'SYSTEM', 'test.entry', 'thing:forged', 'SUCCESS')");
        assertBreak(11, Kind.INSERTED);
    }

    @Test
    void findsABackDatedEntryLinkedByHand() {
        UUID forged = UUID.randomUUID();
        tamper("insert into audit_event (tenant_id, id, occurred_at, actor_type, action, target, outcome)"
                + " values (:t, '" + forged + "', now() - interval '1 day', 'SYSTEM', 'test.entry', 'thing:forged',"
                + " 'SUCCESS')");
        byte[] head = superuser
                .sql("select hash from audit_seal where tenant_id = :t and seq = 10")
                .param("t", tenant.id().value())
                .query(byte[].class)
                .single();
        StoredEvent event = superuser
                .sql("select * from audit_event where tenant_id = :t and id = :id")
                .param("t", tenant.id().value())
                .param("id", forged)
                .query(org.trackwell.audit.internal.AuditRows::event)
                .single();
        superuser.sql("set session_replication_role = replica").update();
        superuser
                .sql(
                        "insert into audit_seal (tenant_id, seq, event_id, hash, sealed_at) values (:t, 11, :id, :h, now())")
                .param("t", tenant.id().value())
                .param("id", forged)
                .param("h", ChainHash.next(head, event))
                .update();
        superuser.sql("set session_replication_role = origin").update();
        assertBreak(11, Kind.OUT_OF_ORDER);
    }

    @Test
    void findsABackDatedEntryLeftForTheSealer() {
        tamper("""
                create temporary table forged as select gen_random_uuid() as id;
                insert into audit_event (tenant_id, id, occurred_at, actor_type, action, target, outcome)
                  select :t, id, now() - interval '1 day', 'SYSTEM', 'test.entry', 'thing:forged', 'SUCCESS' from forged;
                insert into audit_pending (tenant_id, event_id) select :t, id from forged;
                drop table forged""");
        sealer.seal(tenant.id().value());
        assertBreak(11, Kind.INSERTED);
        assertThat(verify().entriesChecked()).isEqualTo(10);
    }

    @Test
    void findsTwoEntriesSwapped() {
        tamper("""
                create temporary table swap as select seq, event_id from audit_seal where tenant_id = :t and seq in (3, 5);
                update audit_seal set event_id = gen_random_uuid() where tenant_id = :t and seq = 3;
                update audit_seal set event_id = (select event_id from swap where seq = 3) where tenant_id = :t and seq = 5;
                update audit_seal set event_id = (select event_id from swap where seq = 5) where tenant_id = :t and seq = 3;
                drop table swap""");
        assertBreak(3, Kind.REORDERED);
    }

    @Test
    void findsAChainRewrittenWholeAgainstTheExportedCheckpoints() throws Exception {
        assertThat(Files.readString(EXPORTED.resolve(tenant.id() + ".checkpoints")))
                .isNotBlank();
        tamper("update audit_event set target = 'thing:rewritten' where tenant_id = :t and target = 'client:2'");
        rehashWholeChainAndCheckpoints();
        assertThat(verifier.verify(tenant.id(), Optional.empty()).firstBreak())
                .hasValueSatisfying(b -> assertThat(b.kind()).isEqualTo(Kind.BAD_SIGNATURE));
        tamper("delete from audit_checkpoint where tenant_id = :t");
        assertThat(verifier.verify(tenant.id(), Optional.empty()).ok()).isTrue();
        assertThat(verifier.verify(tenant.id(), Optional.of(EXPORTED)).firstBreak())
                .hasValueSatisfying(b -> assertThat(b.kind()).isEqualTo(Kind.ALTERED));
    }

    private void rehashWholeChainAndCheckpoints() {
        ChainRewrite.Head head = ChainRewrite.rehash(
                superuser,
                tenant.id(),
                (seq, hash) ->
                        tamperWith("update audit_seal set hash = :h where tenant_id = :t and seq = :s", hash, seq));
        tamperWith("update audit_checkpoint set hash = :h where tenant_id = :t and seq = :s", head.hash(), head.seq());
    }

    private void tamper(String sql) {
        superuser.sql("set session_replication_role = replica").update();
        for (String statement : sql.split(";")) {
            superuser.sql(statement.replace(":t", "'" + tenant.id() + "'")).update();
        }
        superuser.sql("set session_replication_role = origin").update();
    }

    private void tamperWith(String sql, byte[] hash, long seq) {
        superuser.sql("set session_replication_role = replica").update();
        superuser
                .sql(sql)
                .param("h", hash)
                .param("t", tenant.id().value())
                .param("s", seq)
                .update();
        superuser.sql("set session_replication_role = origin").update();
    }

    private static java.sql.Connection connection() {
        try {
            return TestPostgres.asSuperuser().getConnection();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private StreamVerification verify() {
        return verifier.verify(tenant.id(), Optional.empty());
    }

    private void assertBreak(long seq, Kind kind) {
        StreamVerification result = verify();
        assertThat(result.firstBreak()).as(result.toString()).hasValueSatisfying(broken -> {
            assertThat(broken.seq()).isEqualTo(seq);
            assertThat(broken.kind()).isEqualTo(kind);
        });
    }
}
