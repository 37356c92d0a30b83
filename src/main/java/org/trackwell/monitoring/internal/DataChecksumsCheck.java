package org.trackwell.monitoring.internal;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.trackwell.monitoring.Check;

/** PostgreSQL's count of pages read with a wrong data checksum in this database. */
@Component
public class DataChecksumsCheck implements IntegrityCheck {

    private final JdbcClient jdbc;

    DataChecksumsCheck(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Check check() {
        return Check.DATA_CHECKSUMS;
    }

    @Override
    public Outcome run() {
        Map<String, @Nullable Object> row = jdbc.sql("""
                select current_setting('data_checksums') as enabled, checksum_failures as failures
                from pg_stat_database where datname = current_database()""").query().singleRow();
        if (!"on".equals(row.get("enabled")) || row.get("failures") == null) {
            return Outcome.notAvailable("data checksums are off in this database cluster");
        }
        long failures = ((Number) row.get("failures")).longValue();
        return failures == 0
                ? Outcome.ok("no checksum failures")
                : Outcome.finding(failures + " pages failed their data checksum");
    }
}
