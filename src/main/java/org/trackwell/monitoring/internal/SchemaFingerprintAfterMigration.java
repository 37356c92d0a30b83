package org.trackwell.monitoring.internal;

import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Clock;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Records the schema's fingerprint as the migrations left it, on the migrating connection before
 * the service serves anything, unless this schema version already has one: so nothing done to the
 * schema after a migration can become part of what the schema check compares against.
 */
@Component
class SchemaFingerprintAfterMigration implements Callback {

    private final Clock clock;

    SchemaFingerprintAfterMigration(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        Connection connection = context.getConnection();
        JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
        String version = SchemaCheck.version(jdbc);
        jdbc.sql("""
                insert into monitoring_baseline (kind, key, value, recorded_at) values (:kind, :key, :value, :at)
                on conflict (kind, key) do nothing""")
                .param("kind", SchemaCheck.KIND)
                .param("key", version)
                .param("value", String.join("\n", SchemaCheck.fingerprint(jdbc)))
                .param("at", Timestamp.from(clock.instant()))
                .update();
    }

    @Override
    public String getCallbackName() {
        return "schema fingerprint";
    }
}
