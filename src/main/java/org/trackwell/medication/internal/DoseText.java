package org.trackwell.medication.internal;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.trackwell.keys.EncryptedText;
import org.trackwell.keys.FieldAddress;
import org.trackwell.keys.FieldEncryption;
import org.trackwell.medication.internal.DoseRows.Sealed;
import org.trackwell.medication.internal.DoseRows.StoredDose;
import org.trackwell.shared.CurrentTenant;

/** A dose record's note, override reason and correction reason, sealed under the client's key. */
@Component
class DoseText {

    private final FieldEncryption encryption;

    DoseText(FieldEncryption encryption) {
        this.encryption = encryption;
    }

    Sealed sealed(
            UUID client,
            UUID record,
            @Nullable String note,
            @Nullable String overrideReason,
            @Nullable String correctionReason) {
        return new Sealed(
                sealed(client, record, "note", note),
                sealed(client, record, "override_reason", overrideReason),
                sealed(client, record, "correction_reason", correctionReason));
    }

    DoseRecord opened(StoredDose stored) {
        DoseRecord r = stored.record();
        Sealed text = stored.text();
        return new DoseRecord(
                r.id(),
                r.prescriptionId(),
                r.dueAt(),
                r.outcome(),
                r.reason(),
                r.amount(),
                r.givenAt(),
                opened(stored.clientId(), r.id(), "note", text.note()),
                r.recordedBy(),
                r.witness(),
                opened(stored.clientId(), r.id(), "override_reason", text.overrideReason()),
                r.corrects(),
                opened(stored.clientId(), r.id(), "correction_reason", text.correctionReason()),
                r.recordedAt());
    }

    private @Nullable EncryptedText sealed(UUID client, UUID record, String column, @Nullable String text) {
        return text == null ? null : encryption.seal(address(client, record, column), text);
    }

    private @Nullable String opened(UUID client, UUID record, String column, @Nullable EncryptedText text) {
        return text == null ? null : encryption.open(address(client, record, column), text);
    }

    private static FieldAddress address(UUID client, UUID record, String column) {
        return FieldAddress.ofClient(CurrentTenant.require(), client, "dose_record", column, record.toString());
    }
}
