package org.trackwell.erasure.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.trackwell.keys.EncryptedText;
import org.trackwell.shared.TenantId;

/** The tenant's retention settings and the extensions of single clients' records. */
@Repository
class RetentionRows {

    private final JdbcClient jdbc;

    RetentionRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<RetentionSettings> settings() {
        return jdbc.sql("select adult_years, child_until_age, automatic from retention_settings")
                .query((row, n) -> new RetentionSettings(row.getInt(1), row.getInt(2), row.getBoolean(3)))
                .optional();
    }

    void save(TenantId tenant, RetentionSettings settings) {
        jdbc.sql("""
                insert into retention_settings (tenant_id, adult_years, child_until_age, automatic)
                values (:tenant, :adult, :child, :automatic)
                on conflict (tenant_id) do update set adult_years = excluded.adult_years,
                  child_until_age = excluded.child_until_age, automatic = excluded.automatic""")
                .param("tenant", tenant.value())
                .param("adult", settings.adultYears())
                .param("child", settings.childUntilAge())
                .param("automatic", settings.automatic())
                .update();
    }

    /** Each extended client's record, kept until the date given. */
    Map<UUID, LocalDate> extensions() {
        Map<UUID, LocalDate> until = new HashMap<>();
        jdbc.sql("select client_id, until from retention_extension")
                .query((row, n) -> until.put(row.getObject(1, UUID.class), row.getObject(2, LocalDate.class)))
                .list();
        return until;
    }

    void extend(TenantId tenant, UUID client, LocalDate until, EncryptedText reason, UUID by, Instant at) {
        jdbc.sql("""
                insert into retention_extension (tenant_id, client_id, until, reason, extended_by, extended_at)
                values (:tenant, :client, :until, :reason, :by, :at)
                on conflict (tenant_id, client_id) do update set until = excluded.until, reason = excluded.reason,
                  extended_by = excluded.extended_by, extended_at = excluded.extended_at""")
                .param("tenant", tenant.value())
                .param("client", client)
                .param("until", Date.valueOf(until))
                .param("reason", reason.ciphertext())
                .param("by", by)
                .param("at", Timestamp.from(at))
                .update();
    }
}
