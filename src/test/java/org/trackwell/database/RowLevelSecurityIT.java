package org.trackwell.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.trackwell.audit.AuditTrail;
import org.trackwell.identity.Accounts;
import org.trackwell.identity.Operators;
import org.trackwell.shared.CurrentTenant;
import org.trackwell.support.Fixtures;
import org.trackwell.support.ReviewedTables;
import org.trackwell.support.TestPostgres;
import org.trackwell.support.TrackwellTest;
import org.trackwell.tenancy.Tenant;
import org.trackwell.tenancy.Tenants;

@TrackwellTest
class RowLevelSecurityIT {

    private static final Set<String> OUTSIDE_TENANTS = ReviewedTables.outsideRowLevelSecurity();

    private final JdbcClient superuser = JdbcClient.create(TestPostgres.asSuperuser());

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    Tenants tenants;

    @Autowired
    Accounts accounts;

    @Autowired
    Operators operators;

    @Test
    void everyTenantTableLeadsWithTenantIdAndForcesRowLevelSecurity() {
        List<String> tables = superuser
                .sql("select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                        + " where n.nspname = 'public' and c.relkind in ('r', 'p')")
                .query(String.class)
                .list();
        assertThat(tables).contains("user_account");
        for (String table : tables) {
            if (OUTSIDE_TENANTS.contains(table)) {
                continue;
            }
            assertThat(firstPrimaryKeyColumn(table))
                    .as("first primary key column of " + table)
                    .isEqualTo("tenant_id");
            assertThat(superuser
                            .sql("select relrowsecurity and relforcerowsecurity from pg_class where relname = :t")
                            .param("t", table)
                            .query(Boolean.class)
                            .single())
                    .as("row-level security enabled and forced on " + table)
                    .isTrue();
            assertThat(superuser
                            .sql("select count(*) from pg_policies where tablename = :t"
                                    + " and qual like '%current_setting(''app.tenant_id''%'")
                            .param("t", table)
                            .query(Long.class)
                            .single())
                    .as("tenant policy on " + table)
                    .isPositive();
        }
    }

    @Test
    void everyForeignKeyBetweenTenantTablesCarriesTenantId() {
        List<String> offenders = superuser.sql("""
                        select con.conname from pg_constraint con
                        join pg_class c on c.oid = con.conrelid
                        join pg_class r on r.oid = con.confrelid
                        where con.contype = 'f' and r.relname not in ('tenant', 'tenant_host', 'terms_of_use')
                          and not exists (
                            select 1 from pg_attribute a
                            where a.attrelid = con.conrelid and a.attnum = con.conkey[1] and a.attname = 'tenant_id')""").query(String.class).list();
        assertThat(offenders).isEmpty();
    }

    @Test
    void runtimeRoleIsNoSuperuserCannotBypassAndOwnsNothing() {
        var role = superuser
                .sql("select rolsuper, rolbypassrls from pg_roles where rolname = :r")
                .param("r", TestPostgres.RUNTIME)
                .query((row, n) -> List.of(row.getBoolean(1), row.getBoolean(2)))
                .single();
        assertThat(role).containsExactly(false, false);
        assertThat(superuser
                        .sql("select count(*) from pg_class c join pg_roles r on r.oid = c.relowner"
                                + " where r.rolname = :r")
                        .param("r", TestPostgres.RUNTIME)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void runtimeRoleSeesAndChangesOnlyTheCurrentTenantsRowsEvenWithoutAFilter() {
        Tenant a = tenants.create(Fixtures.uniqueSlug("rls-a"), "A");
        Tenant b = tenants.create(Fixtures.uniqueSlug("rls-b"), "B");
        accounts.inviteFirstAdmin(a, "admin@a.test");
        accounts.inviteFirstAdmin(b, "admin@b.test");
        TransactionTemplate transactions = new TransactionTemplate(transactionManager);

        try (CurrentTenant.Scope scope = CurrentTenant.enter(a.id())) {
            transactions.executeWithoutResult(status -> {
                List<UUID> visible = jdbc.sql("select tenant_id from user_account")
                        .query(UUID.class)
                        .list();
                assertThat(visible).containsOnly(a.id().value());
                int updated = jdbc.sql("update user_account set display_name = 'x' where tenant_id = :b")
                        .param("b", b.id().value())
                        .update();
                assertThat(updated).isZero();
                int deleted = jdbc.sql("delete from user_role where tenant_id = :b")
                        .param("b", b.id().value())
                        .update();
                assertThat(deleted).isZero();
            });
            assertThatThrownBy(() -> transactions.executeWithoutResult(
                            status -> jdbc.sql("""
                            insert into user_account (tenant_id, id, email, display_name, status, created_at)
                            values (:b, gen_random_uuid(), 'intruder@b.test', 'x', 'ACTIVE', now())""").param("b", b.id().value()).update()))
                    .rootCause()
                    .hasMessageContaining("row-level security");
        }
    }

    @Test
    void withNoTenantSetNoTenantRowIsVisible() {
        Tenant a = tenants.create(Fixtures.uniqueSlug("rls-none"), "None");
        accounts.inviteFirstAdmin(a, "admin@none.test");
        TransactionTemplate transactions = new TransactionTemplate(transactionManager);
        Long inTransaction = transactions.execute(status ->
                jdbc.sql("select count(*) from user_account").query(Long.class).single());
        Long autocommit =
                jdbc.sql("select count(*) from user_account").query(Long.class).single();
        assertThat(inTransaction).isZero();
        assertThat(autocommit).isZero();
    }

    @Test
    void operatorsAccountsAreSeenOnlyInTheInstallationRealmWhichSeesNoTenantsRows() {
        Tenant a = tenants.create(Fixtures.uniqueSlug("rls-realm"), "Realm");
        accounts.inviteFirstAdmin(a, "admin@realm.test");
        operators.add("ops-" + UUID.randomUUID() + "@platform.test");
        TransactionTemplate transactions = new TransactionTemplate(transactionManager);
        UUID installation = AuditTrail.OPERATOR_STREAM.value();

        try (CurrentTenant.Scope scope = CurrentTenant.enter(a.id())) {
            List<UUID> seen = transactions.execute(status -> jdbc.sql("select tenant_id from user_account")
                    .query(UUID.class)
                    .list());
            assertThat(seen).containsOnly(a.id().value());
        }
        try (CurrentTenant.Scope scope = CurrentTenant.enter(AuditTrail.OPERATOR_STREAM)) {
            transactions.executeWithoutResult(status -> {
                assertThat(jdbc.sql("select tenant_id from user_account")
                                .query(UUID.class)
                                .list())
                        .isNotEmpty()
                        .containsOnly(installation);
                for (String table : tablesWithTenantId()) {
                    assertThat(jdbc.sql("select count(*) from " + table + " where tenant_id <> :installation")
                                    .param("installation", installation)
                                    .query(Long.class)
                                    .single())
                            .as("tenants' rows of " + table + " seen in the installation realm")
                            .isZero();
                }
            });
        }
    }

    @Test
    void tenantSettingDoesNotOutliveItsTransaction() {
        Tenant a = tenants.create(Fixtures.uniqueSlug("rls-leak"), "Leak");
        accounts.inviteFirstAdmin(a, "admin@leak.test");
        TransactionTemplate transactions = new TransactionTemplate(transactionManager);
        try (CurrentTenant.Scope scope = CurrentTenant.enter(a.id())) {
            transactions.executeWithoutResult(
                    status -> jdbc.sql("select 1").query(Integer.class).single());
        }
        for (int i = 0; i < 30; i++) {
            assertThat(jdbc.sql("select coalesce(current_setting('app.tenant_id', true), '')")
                            .query(String.class)
                            .single())
                    .isEmpty();
        }
    }

    private List<String> tablesWithTenantId() {
        return superuser.sql("""
                        select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                        join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id'
                        where n.nspname = 'public' and c.relkind in ('r', 'p')""").query(String.class).list().stream()
                .filter(table -> !OUTSIDE_TENANTS.contains(table))
                .toList();
    }

    private String firstPrimaryKeyColumn(String table) {
        return superuser.sql("""
                        select a.attname from pg_index i
                        join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
                        where i.indrelid = cast(:t as regclass) and i.indisprimary""").param("t", table).query(String.class).single();
    }
}
