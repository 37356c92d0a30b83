package org.trackwell.medication.internal;

import java.util.List;
import org.springframework.stereotype.Component;
import org.trackwell.keys.MigrationSealing;
import org.trackwell.keys.SealingMigration;

/**
 * Migration 25: the medication free text written before it was sealed, which V24 set aside in
 * clear columns, sealed under each client's key. V27 drops the clear columns.
 */
@Component
class SealMedicationFreeText extends SealingMigration {

    private static final List<ClearColumn> COLUMNS = List.of(
            ClearColumn.setAside("prescription", "instructions"),
            ClearColumn.setAside("prescription", "prescriber"),
            ClearColumn.setAside("prescription", "prn_indication"),
            ClearColumn.setAside("prescription", "stop_reason"),
            ClearColumn.setAside("dose_record", "override_reason"),
            ClearColumn.setAside("dose_record", "correction_reason"),
            ClearColumn.setAside("stock_movement", "reason"));

    SealMedicationFreeText(MigrationSealing sealing) {
        super(sealing, "25", "medication free text sealed", COLUMNS);
    }
}
