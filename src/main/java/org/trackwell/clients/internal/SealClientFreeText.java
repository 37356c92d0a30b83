package org.trackwell.clients.internal;

import java.util.List;
import org.springframework.stereotype.Component;
import org.trackwell.keys.MigrationSealing;
import org.trackwell.keys.SealingMigration;

/**
 * Migration 26: the clients' free text written before it was sealed, sealed under each client's
 * key: referral sources (set aside in a clear column by V24), and the demographics typed in the
 * user's own words (first language, presenting problems, current medication), which move out of
 * the clear demographics into one sealed value per client.
 */
@Component
class SealClientFreeText extends SealingMigration {

    private static final List<ClearColumn> COLUMNS = List.of(
            ClearColumn.setAside("episode", "referral_source"),
            new ClearColumn("client", "demographics_text", """
                    select id, id as client_id, jsonb_strip_nulls(jsonb_build_object(
                      'FIRST_LANGUAGE', demographics -> 'FIRST_LANGUAGE',
                      'PRESENTING_PROBLEMS', demographics -> 'PRESENTING_PROBLEMS',
                      'CURRENT_MEDICATION', demographics -> 'CURRENT_MEDICATION'))::text as text
                    from client
                    where demographics -> 'FIRST_LANGUAGE' is not null
                      or demographics -> 'PRESENTING_PROBLEMS' is not null
                      or demographics -> 'CURRENT_MEDICATION' is not null
                    limit :batch""", """
                    update client set demographics_text = :sealed,
                      demographics = demographics - 'FIRST_LANGUAGE' - 'PRESENTING_PROBLEMS' - 'CURRENT_MEDICATION'
                    where id = :id"""));

    SealClientFreeText(MigrationSealing sealing) {
        super(sealing, "26", "client free text sealed", COLUMNS);
    }
}
