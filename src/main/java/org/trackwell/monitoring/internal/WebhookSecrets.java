package org.trackwell.monitoring.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.trackwell.database.TenantTransactions;
import org.trackwell.keys.EncryptedText;
import org.trackwell.keys.InstallationSealedFields;
import org.trackwell.shared.TenantId;
import org.trackwell.tenancy.Tenants;

/** Webhook secrets, the installation's and every tenant's, sealed again when the master key rotates. */
@Component
class WebhookSecrets implements InstallationSealedFields {

    private static final String TABLE = "monitoring_webhook";

    private final WebhookRows rows;
    private final Tenants tenants;
    private final TenantTransactions transactions;

    WebhookSecrets(WebhookRows rows, Tenants tenants, TenantTransactions transactions) {
        this.rows = rows;
        this.tenants = tenants;
        this.transactions = transactions;
    }

    @Override
    public List<SealedSecret> sealedUnderMasterKey() {
        List<SealedSecret> secrets = new ArrayList<>();
        for (TenantId stream : tenants.streams()) {
            transactions
                    .inTenant(stream, rows::secrets)
                    .forEach((id, text) -> secrets.add(
                            new SealedSecret(TABLE, "secret", WebhookRows.secretRow(stream.value(), id), text)));
        }
        return secrets;
    }

    @Override
    public void replace(SealedSecret secret, EncryptedText resealed) {
        String[] parts = secret.row().split("/");
        transactions.inTenant(new TenantId(UUID.fromString(parts[0])), () -> {
            rows.replaceSecret(UUID.fromString(parts[1]), resealed);
            return null;
        });
    }
}
