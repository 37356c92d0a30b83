package org.trackwell.monitoring.internal;

import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.trackwell.monitoring.Check;

/**
 * PostgreSQL's amcheck over every B-tree index of the schema, as the owner role (amcheck is for
 * superusers unless granted). The embedded database installs it and grants it to the owner; on a
 * database without it the check says it is not available, which is no finding.
 */
@Component
public class IndexesCheck implements IntegrityCheck {

    private final JdbcClient owner;

    IndexesCheck(@Qualifier("ownerDataSource") DataSource owner) {
        this.owner = JdbcClient.create(owner);
    }

    @Override
    public Check check() {
        return Check.INDEXES;
    }

    @Override
    public Outcome run() {
        boolean installed = owner.sql("select count(*) from pg_extension where extname = 'amcheck'")
                        .query(Long.class)
                        .single()
                > 0;
        if (!installed) {
            return Outcome.notAvailable("amcheck is not installed in this database (docs/monitoring.md)");
        }
        List<String> indexes =
                owner.sql("""
                select i.relname from pg_index x
                join pg_class i on i.oid = x.indexrelid
                join pg_am am on am.oid = i.relam
                where i.relnamespace = 'public'::regnamespace and am.amname = 'btree' and x.indisvalid
                order by 1""").query((row, n) -> row.getString(1)).list();
        List<String> corrupt = new ArrayList<>();
        for (String index : indexes) {
            try {
                owner.sql("select bt_index_check(cast(:index as regclass))")
                        .param("index", "public." + index)
                        .query()
                        .singleValue();
            } catch (DataAccessException e) {
                if (e.getMessage() != null && e.getMessage().contains("permission denied")) {
                    return Outcome.notAvailable("the owner role may not run amcheck (docs/monitoring.md)");
                }
                corrupt.add(index);
            }
        }
        return corrupt.isEmpty()
                ? Outcome.ok(indexes.size() + " indexes checked")
                : Outcome.finding("amcheck found damage in " + String.join(", ", corrupt));
    }
}
