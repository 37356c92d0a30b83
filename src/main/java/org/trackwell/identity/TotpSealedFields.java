package org.trackwell.identity;

import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.trackwell.identity.internal.SecondFactorRows;
import org.trackwell.keys.EncryptedText;
import org.trackwell.keys.FieldAddress;
import org.trackwell.keys.TenantSealedFields;
import org.trackwell.shared.UserId;

/** Authenticator secrets are sealed under the tenant's key: key rotation seals them again. */
@Component
class TotpSealedFields implements TenantSealedFields {

    private final SecondFactorRows rows;

    TotpSealedFields(SecondFactorRows rows) {
        this.rows = rows;
    }

    @Override
    public List<SealedField> sealedUnderTenantKey() {
        return rows.secrets().stream()
                .map(secret -> new SealedField(SecondFactors.secretAddress(secret.getKey()), secret.getValue()))
                .toList();
    }

    @Override
    public void replace(FieldAddress address, EncryptedText resealed) {
        rows.replaceSecret(new UserId(UUID.fromString(address.row())), resealed);
    }
}
