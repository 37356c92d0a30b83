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
            new ClearColumn(
                    "prescription",
                    "instructions",
                    """
                    select id, client_id, instructions_clear as text from prescription
                    where instructions_clear is not null limit :batch""",
                    "update prescription set instructions = :sealed, instructions_clear = null where id = :id"),
            new ClearColumn(
                    "prescription",
                    "prescriber",
                    """
                    select id, client_id, prescriber_clear as text from prescription
                    where prescriber_clear is not null limit :batch""",
                    "update prescription set prescriber = :sealed, prescriber_clear = null where id = :id"),
            new ClearColumn(
                    "prescription",
                    "prn_indication",
                    """
                    select id, client_id, prn_indication_clear as text from prescription
                    where prn_indication_clear is not null limit :batch""",
                    "update prescription set prn_indication = :sealed, prn_indication_clear = null where id = :id"),
            new ClearColumn(
                    "prescription",
                    "stop_reason",
                    """
                    select id, client_id, stop_reason_clear as text from prescription
                    where stop_reason_clear is not null limit :batch""",
                    "update prescription set stop_reason = :sealed, stop_reason_clear = null where id = :id"),
            new ClearColumn(
                    "dose_record",
                    "override_reason",
                    """
                    select id, client_id, override_reason_clear as text from dose_record
                    where override_reason_clear is not null limit :batch""",
                    "update dose_record set override_reason = :sealed, override_reason_clear = null where id = :id"),
            new ClearColumn("dose_record", "correction_reason", """
                    select id, client_id, correction_reason_clear as text from dose_record
                    where correction_reason_clear is not null limit :batch""", """
                    update dose_record set correction_reason = :sealed, correction_reason_clear = null
                    where id = :id"""),
            new ClearColumn(
                    "stock_movement",
                    "reason",
                    """
                    select id, client_id, reason_clear as text from stock_movement
                    where reason_clear is not null limit :batch""",
                    "update stock_movement set reason = :sealed, reason_clear = null where id = :id"));

    SealMedicationFreeText(MigrationSealing sealing) {
        super(sealing, "25", "medication free text sealed", COLUMNS);
    }
}
