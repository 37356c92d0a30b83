package org.trackwell.monitoring.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.trackwell.monitoring.Check;

/**
 * The schema's fingerprint against the one recorded right after the migrations last changed it
 * ({@link SchemaFingerprintAfterMigration}). Tables, columns, constraints, indexes, triggers and whether each is enabled, row-level
 * security and FORCE, policies, grants, functions and extensions: any difference is a finding.
 */
@Component
public class SchemaCheck implements IntegrityCheck {

    static final String KIND = "schema";
    private static final int SHOWN = 5;

    private final JdbcClient jdbc;
    private final Baselines baselines;

    SchemaCheck(JdbcClient jdbc, Baselines baselines) {
        this.jdbc = jdbc;
        this.baselines = baselines;
    }

    @Override
    public Check check() {
        return Check.SCHEMA;
    }

    @Override
    @Transactional
    public Outcome run() {
        String version = version(jdbc);
        Set<String> now = fingerprint(jdbc);
        var recorded = baselines.get(KIND, version);
        if (recorded.isEmpty()) {
            baselines.put(KIND, version, String.join("\n", now));
            return Outcome.ok("fingerprint of " + now.size() + " items recorded at schema version " + version);
        }
        Set<String> before = new LinkedHashSet<>(List.of(recorded.get().split("\n")));
        List<String> differences = new ArrayList<>();
        before.stream()
                .filter(line -> !now.contains(line))
                .forEach(line -> differences.add("gone or changed: " + line));
        now.stream().filter(line -> !before.contains(line)).forEach(line -> differences.add("new or changed: " + line));
        if (differences.isEmpty()) {
            return Outcome.ok(now.size() + " items as the migrations left them");
        }
        String shown = String.join("; ", differences.subList(0, Math.min(SHOWN, differences.size())));
        return Outcome.finding(differences.size() + " differences from what the migrations made: " + shown
                + (differences.size() > SHOWN ? "; ..." : ""));
    }

    /** Takes the schema as it is now as the one to compare against (a change a DBA made on purpose). */
    @Transactional
    public int accept() {
        Set<String> now = fingerprint(jdbc);
        baselines.put(KIND, version(jdbc), String.join("\n", now));
        return now.size();
    }

    /** The schema's version: the last migration Flyway ran. */
    static String version(JdbcClient jdbc) {
        return jdbc.sql("select coalesce(max(installed_rank), 0)::text from flyway_schema_history")
                .query(String.class)
                .single();
    }

    /** One line per item, sorted; objects that belong to an extension are left to the extension's line. */
    static Set<String> fingerprint(JdbcClient jdbc) {
        Set<String> lines = new TreeSet<>();
        lines.addAll(lines(jdbc, """
                select 'table ' || c.relname || ' kind=' || c.relkind::text || ' rls=' || c.relrowsecurity::text
                       || ' force=' || c.relforcerowsecurity::text || ' owner=' || pg_get_userbyid(c.relowner)
                       || ' grants=' || coalesce(array_to_string(array(select a::text from unnest(c.relacl) a order by 1), ','), '')
                from pg_class c
                where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
                  and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'e')"""));
        lines.addAll(lines(jdbc, """
                select 'column ' || c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
                       || ' notnull=' || a.attnotnull::text || ' default=' || coalesce(pg_get_expr(d.adbin, d.adrelid), '')
                       || ' grants=' || coalesce(array_to_string(array(select x::text from unnest(a.attacl) x order by 1), ','), '')
                from pg_attribute a
                join pg_class c on c.oid = a.attrelid
                left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
                where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p', 'v', 'm', 'f')
                  and a.attnum > 0 and not a.attisdropped"""));
        lines.addAll(lines(jdbc, """
                select 'constraint ' || c.relname || '.' || k.conname || ' ' || pg_get_constraintdef(k.oid)
                from pg_constraint k join pg_class c on c.oid = k.conrelid
                where c.relnamespace = 'public'::regnamespace"""));
        lines.addAll(lines(jdbc, """
                select 'index ' || indexname || ' ' || indexdef from pg_indexes where schemaname = 'public'"""));
        lines.addAll(lines(jdbc, """
                select 'trigger ' || c.relname || '.' || t.tgname || ' enabled=' || t.tgenabled::text || ' ' || pg_get_triggerdef(t.oid)
                from pg_trigger t join pg_class c on c.oid = t.tgrelid
                where c.relnamespace = 'public'::regnamespace and not t.tgisinternal"""));
        lines.addAll(lines(jdbc, """
                select 'policy ' || tablename || '.' || policyname || ' ' || permissive || ' ' || cmd
                       || ' roles=' || array_to_string(roles, ',') || ' using=' || coalesce(qual, '')
                       || ' check=' || coalesce(with_check, '')
                from pg_policies where schemaname = 'public'"""));
        lines.addAll(lines(jdbc, """
                select 'function ' || p.oid::regprocedure::text || ' owner=' || pg_get_userbyid(p.proowner)
                       || ' definer=' || p.prosecdef::text || ' config=' || coalesce(array_to_string(p.proconfig, ','), '')
                       || ' grants=' || coalesce(array_to_string(array(select a::text from unnest(p.proacl) a order by 1), ','), '')
                       || ' body=' || md5(coalesce(p.prosrc, ''))
                from pg_proc p
                where p.pronamespace = 'public'::regnamespace
                  and not exists (select 1 from pg_depend d where d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e')"""));
        lines.addAll(lines(jdbc, "select 'extension ' || extname || ' ' || extversion from pg_extension"));
        lines.addAll(lines(jdbc, """
                select 'schema public owner=' || pg_get_userbyid(nspowner)
                       || ' grants=' || coalesce(array_to_string(array(select a::text from unnest(nspacl) a order by 1), ','), '')
                from pg_namespace where nspname = 'public'"""));
        return lines;
    }

    private static List<String> lines(JdbcClient jdbc, String sql) {
        return jdbc.sql(sql).query((row, n) -> row.getString(1)).list();
    }
}
