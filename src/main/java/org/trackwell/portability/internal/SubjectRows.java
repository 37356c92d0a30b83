package org.trackwell.portability.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every row the tenant holds about one client, whichever module owns its table: the client's own
 * row, then every row that points at it through the database's foreign keys, and every row that
 * points at one of those, and so on (a goal's wordings, a dose's effect). Found from the
 * catalogue as the archive finds its tables, so a table added later is in a subject access
 * archive without anyone remembering it.
 */
@Component
class SubjectRows {

    private final JdbcClient jdbc;
    private final TableRows rows;

    SubjectRows(JdbcClient jdbc, TableRows rows) {
        this.jdbc = jdbc;
        this.rows = rows;
    }

    /** A foreign key from {@code table.column} to the {@code id} of {@code parent} (with the tenant). */
    record Link(String table, String column, String parent) {}

    /** The client's rows by table, in the order they were found; tables with none are left out. */
    Map<String, List<ObjectNode>> of(UUID client) {
        Set<String> tables = new HashSet<>(rows.tables());
        List<Link> links = links();
        Map<String, List<ObjectNode>> found = new LinkedHashMap<>();
        Map<String, List<String>> ids = new HashMap<>();
        collect("client", "t.id = ?", client, found, ids);
        boolean more = true;
        while (more) {
            more = false;
            for (Link link : links) {
                List<String> parents = ids.get(link.parent());
                if (parents != null && tables.contains(link.table()) && !ids.containsKey(link.table())) {
                    String column = TableRows.quoted(link.column());
                    String joined = "{" + String.join(",", parents) + "}";
                    collect(link.table(), "t." + column + "::text = any(cast(? as text[]))", joined, found, ids);
                    more = true;
                }
            }
        }
        return found;
    }

    private void collect(
            String table,
            String where,
            Object arg,
            Map<String, List<ObjectNode>> found,
            Map<String, List<String>> ids) {
        List<ObjectNode> picked = new ArrayList<>();
        rows.rows(table, where, List.of(arg), picked::add);
        ids.put(
                table,
                picked.stream()
                        .filter(row -> row.hasNonNull("id"))
                        .map(row -> row.get("id").asString())
                        .toList());
        if (!picked.isEmpty()) {
            found.put(table, picked);
        }
    }

    /** The tenant-scoped foreign keys to a table's {@code id}: (tenant_id, column) → parent (tenant_id, id). */
    private List<Link> links() {
        return jdbc.sql("""
                        select child.relname, c.attname, parent.relname
                        from pg_constraint k
                        join pg_class child on child.oid = k.conrelid
                        join pg_class parent on parent.oid = k.confrelid
                        join lateral unnest(k.conkey, k.confkey) as pair(own, referenced) on true
                        join pg_attribute c on c.attrelid = k.conrelid and c.attnum = pair.own
                        join pg_attribute p on p.attrelid = k.confrelid and p.attnum = pair.referenced
                        where k.contype = 'f' and k.connamespace = current_schema()::regnamespace
                          and p.attname = 'id'
                        order by child.relname, c.attname""")
                .query((row, n) -> new Link(row.getString(1), row.getString(2), row.getString(3)))
                .list();
    }
}
