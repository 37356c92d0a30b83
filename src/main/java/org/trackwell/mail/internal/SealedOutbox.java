package org.trackwell.mail.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.trackwell.database.TenantTransactions;
import org.trackwell.keys.EncryptedText;
import org.trackwell.keys.InstallationSealedFields;
import org.trackwell.shared.TenantId;
import org.trackwell.tenancy.Tenants;

/** Kept e-mail's recipients and texts, in every stream, sealed again when the master key rotates. */
@Component
class SealedOutbox implements InstallationSealedFields {

    private static final String TABLE = "mail_outbox";
    private static final List<String> COLUMNS = List.of("recipient", "body");

    private final OutboxRows rows;
    private final Tenants tenants;
    private final TenantTransactions transactions;

    SealedOutbox(OutboxRows rows, Tenants tenants, TenantTransactions transactions) {
        this.rows = rows;
        this.tenants = tenants;
        this.transactions = transactions;
    }

    @Override
    public List<SealedSecret> sealedUnderMasterKey() {
        List<SealedSecret> sealed = new ArrayList<>();
        for (TenantId stream : tenants.streams()) {
            transactions.inTenant(stream, rows::sealed).forEach((id, texts) -> {
                for (int i = 0; i < COLUMNS.size(); i++) {
                    sealed.add(new SealedSecret(TABLE, COLUMNS.get(i), stream.value() + "/" + id, texts.get(i)));
                }
            });
        }
        return sealed;
    }

    @Override
    public void replace(SealedSecret secret, EncryptedText resealed) {
        String[] parts = secret.row().split("/");
        transactions.inTenant(new TenantId(UUID.fromString(parts[0])), () -> {
            rows.replaceSealed(UUID.fromString(parts[1]), secret.column(), resealed);
            return null;
        });
    }
}
