package org.trackwell.portability.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.trackwell.support.TrackwellTest;

/**
 * Every binary column the archive holds is either sealed text it opens at the module's address
 * ({@link SealedColumns}) or reviewed here as holding nothing sealed: a column sealed later and
 * not listed would otherwise reach the archive as ciphertext the tenant cannot open.
 */
@TrackwellTest
class SealedColumnsIT {

    /** Binary columns written as base64 because nothing in them is sealed, with why. */
    private static final Map<String, String> NOT_SEALED = Map.of(
            "passkey.credential_id", "the passkey's public identifier",
            "passkey.credential", "the passkey's public key and its counters",
            "erasure_request.certificate", "the signed erasure certificate, a PDF");

    @Autowired
    TableRows rows;

    @Test
    void everyBinaryColumnInTheArchiveIsOpenedOrReviewed() {
        List<String> unknown = new ArrayList<>();
        for (String table : rows.tables()) {
            SealedColumns.Sealing sealing = SealedColumns.of(table).orElse(SealedColumns.NONE);
            for (TableRows.Column column : rows.columns(table)) {
                String name = table + "." + column.name();
                if (column.type().equals("bytea") && !sealing.opens(column.name()) && !NOT_SEALED.containsKey(name)) {
                    unknown.add(name);
                }
            }
        }
        assertThat(unknown).isEmpty();
    }
}
