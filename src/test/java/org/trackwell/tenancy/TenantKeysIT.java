package org.trackwell.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.trackwell.support.ReviewedTables;
import org.trackwell.support.TestPostgres;
import org.trackwell.support.TrackwellTest;

/**
 * The schema against the plan for sharding by tenant (docs/scaling.md): every table holding a
 * tenant's rows has {@code tenant_id} leading its primary key, and every foreign key between such
 * tables includes it, so that a tenant's rows and their joins stay on one shard; so does every unique
 * index, which Citus can only enforce within a shard. A table without
 * {@code tenant_id} is installation-wide and named here with why; so is any exception.
 */
@TrackwellTest
class TenantKeysIT {

    private final JdbcClient catalogue = JdbcClient.create(TestPostgres.asSuperuser());

    @Test
    void everyTableIsATenantTableOrNamedAsInstallationWide() {
        List<String> withoutTenant =
                catalogue.sql("""
                        select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                        where n.nspname = 'public' and c.relkind in ('r', 'p')
                          and not exists (select from pg_attribute a
                                          where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped)
                        """).query((row, n) -> row.getString(1)).list();
        assertThat(withoutTenant).containsExactlyInAnyOrderElementsOf(ReviewedTables.INSTALLATION_WIDE.keySet());
    }

    @Test
    void everyTenantTablesPrimaryKeyBeginsWithTenantId() {
        List<String> keyedOtherwise =
                catalogue.sql("""
                        select c.relname from pg_class c
                        join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
                        join pg_index i on i.indrelid = c.oid and i.indisprimary
                        where exists (select from pg_attribute a
                                      where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped)
                          and (select a.attname from pg_attribute a
                               where a.attrelid = c.oid and a.attnum = i.indkey[0]) <> 'tenant_id'
                        """).query((row, n) -> row.getString(1)).list();
        assertThat(keyedOtherwise).containsExactlyInAnyOrderElementsOf(ReviewedTables.KEYED_OTHERWISE.keySet());
    }

    @Test
    void everyUniqueIndexOfATenantTableIncludesTenantId() {
        List<String> unshardable =
                catalogue.sql("""
                        select c.relname || ': ' || i.indexrelid::regclass from pg_index i
                        join pg_class c on c.oid = i.indrelid
                        join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
                        where i.indisunique
                          and exists (select from pg_attribute a
                                      where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped)
                          and not exists (select from pg_attribute a
                                          where a.attrelid = c.oid and a.attnum = any (i.indkey)
                                            and a.attname = 'tenant_id')
                        """).query((row, n) -> row.getString(1)).list();
        assertThat(unshardable)
                .allMatch(index -> ReviewedTables.KEYED_OTHERWISE.containsKey(index.substring(0, index.indexOf(':'))));
    }

    @Test
    void everyForeignKeyBetweenTenantTablesIncludesTenantId() {
        List<String> crossing =
                catalogue.sql("""
                        select f.conrelid::regclass || ' -> ' || f.confrelid::regclass from pg_constraint f
                        where f.contype = 'f'
                          and exists (select from pg_attribute a
                                      where a.attrelid = f.confrelid and a.attname = 'tenant_id' and not a.attisdropped)
                          and not exists (
                              select from unnest(f.conkey, f.confkey) k(own, referenced)
                              join pg_attribute o on o.attrelid = f.conrelid and o.attnum = k.own
                              join pg_attribute r on r.attrelid = f.confrelid and r.attnum = k.referenced
                              where o.attname = 'tenant_id' and r.attname = 'tenant_id')
                        """).query((row, n) -> row.getString(1)).list();
        assertThat(crossing).isEmpty();
    }
}
