package org.trackwell.identity;

import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.trackwell.database.TenantTransactions;
import org.trackwell.identity.internal.Realm;
import org.trackwell.identity.internal.SecondFactorRows;
import org.trackwell.keys.EncryptedText;
import org.trackwell.keys.FieldAddress;
import org.trackwell.keys.FieldEncryption;
import org.trackwell.keys.InstallationSealedFields;
import org.trackwell.keys.InstallationSecrets;
import org.trackwell.keys.TenantSealedFields;
import org.trackwell.shared.CurrentTenant;
import org.trackwell.shared.UserId;

/**
 * How authenticator secrets are sealed: a tenant's users' under the tenant's key, operators' under
 * the master key, since the installation realm has no tenant key. Rotating either key seals them
 * again.
 */
@Component
class TotpSecrets implements TenantSealedFields, InstallationSealedFields {

    private static final String TABLE = "totp_factor";
    private static final String COLUMN = "secret";

    /**
     * Operators' secrets were first sealed in a table of their own (V15) and moved here unopened
     * (V48): they stay bound to its name, so that they still open.
     */
    private static final String INSTALLATION_BINDING = "operator_totp";

    private final SecondFactorRows rows;
    private final FieldEncryption encryption;
    private final InstallationSecrets installation;
    private final TenantTransactions transactions;

    TotpSecrets(
            SecondFactorRows rows,
            FieldEncryption encryption,
            InstallationSecrets installation,
            TenantTransactions transactions) {
        this.rows = rows;
        this.encryption = encryption;
        this.installation = installation;
        this.transactions = transactions;
    }

    EncryptedText seal(UserId user, String secret) {
        return Realm.installation()
                ? installation.seal(INSTALLATION_BINDING, COLUMN, user.toString(), secret)
                : encryption.seal(address(user), secret);
    }

    String open(UserId user, EncryptedText sealed) {
        return Realm.installation()
                ? installation.open(INSTALLATION_BINDING, COLUMN, user.toString(), sealed)
                : encryption.open(address(user), sealed);
    }

    @Override
    public List<SealedField> sealedUnderTenantKey() {
        return rows.secrets().stream()
                .map(secret -> new SealedField(address(secret.getKey()), secret.getValue()))
                .toList();
    }

    @Override
    public void replace(FieldAddress address, EncryptedText resealed) {
        rows.replaceSecret(userOf(address.row()), resealed);
    }

    @Override
    public List<SealedSecret> sealedUnderMasterKey() {
        return transactions.inTenant(Realm.INSTALLATION, rows::secrets).stream()
                .map(secret -> new SealedSecret(
                        INSTALLATION_BINDING, COLUMN, secret.getKey().toString(), secret.getValue()))
                .toList();
    }

    @Override
    public void replace(SealedSecret secret, EncryptedText resealed) {
        transactions.inTenant(Realm.INSTALLATION, () -> {
            rows.replaceSecret(userOf(secret.row()), resealed);
            return null;
        });
    }

    private static FieldAddress address(UserId user) {
        return new FieldAddress(CurrentTenant.require(), TABLE, COLUMN, user.toString());
    }

    private static UserId userOf(String row) {
        return new UserId(UUID.fromString(row));
    }
}
