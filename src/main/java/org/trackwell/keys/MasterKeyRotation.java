package org.trackwell.keys;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.List;
import org.springframework.stereotype.Service;
import org.trackwell.audit.AuditAction;
import org.trackwell.audit.AuditTrail;
import org.trackwell.audit.Outcome;
import org.trackwell.database.TenantTransactions;
import org.trackwell.keys.internal.MasterKey;
import org.trackwell.keys.internal.TenantKeyRows;
import org.trackwell.tenancy.Tenant;
import org.trackwell.tenancy.Tenants;

/**
 * {@code keys rotate --master}: a new master key becomes primary, every tenant's data keys are
 * wrapped again under it, and only then are the old master keys destroyed. Stopped half-way, it
 * is simply run again: the old keys stay until a whole pass has finished. Recorded in the
 * operator's audit stream.
 */
@Service
public class MasterKeyRotation {

    /** How the rotation went: tenants whose keys were wrapped again. */
    public record Result(int tenantsRewrapped) {}

    private final MasterKey master;
    private final TenantKeyRows rows;
    private final Tenants tenants;
    private final TenantTransactions transactions;
    private final List<InstallationSealedFields> installationFields;
    private final AuditTrail trail;

    MasterKeyRotation(
            MasterKey master,
            TenantKeyRows rows,
            Tenants tenants,
            TenantTransactions transactions,
            List<InstallationSealedFields> installationFields,
            AuditTrail trail) {
        this.installationFields = installationFields;
        this.master = master;
        this.rows = rows;
        this.tenants = tenants;
        this.transactions = transactions;
        this.trail = trail;
    }

    public Result rotate() {
        try {
            master.addPrimary();
            int rewrapped = 0;
            for (Tenant tenant : tenants.list()) {
                if (transactions.inTenant(tenant.id(), () -> rewrap(tenant))) {
                    rewrapped++;
                }
            }
            resealInstallationSecrets();
            master.destroyAllButPrimary();
            trail.record(AuditAction.KEYS_MASTER_ROTATED, null, Outcome.SUCCESS);
            return new Result(rewrapped);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the master key could not be rotated", e);
        }
    }

    private void resealInstallationSecrets() {
        Aead aead = master.aead();
        for (InstallationSealedFields owner : installationFields) {
            transactions.outsideTenants(() -> {
                for (InstallationSealedFields.SealedSecret secret : owner.sealedUnderMasterKey()) {
                    byte[] associated =
                            InstallationSecrets.associatedData(secret.table(), secret.column(), secret.row());
                    try {
                        byte[] plaintext = aead.decrypt(secret.text().ciphertext(), associated);
                        owner.replace(secret, new EncryptedText(aead.encrypt(plaintext, associated)));
                    } catch (GeneralSecurityException e) {
                        throw new IllegalStateException("an installation secret could not be sealed again", e);
                    }
                }
            });
        }
    }

    private boolean rewrap(Tenant tenant) {
        return rows.find()
                .map(wrapped -> {
                    byte[] context = tenant.id().toString().getBytes(StandardCharsets.UTF_8);
                    Aead aead = master.aead();
                    try {
                        rows.rewrap(new TenantKeyRows.Wrapped(
                                again(wrapped.aead(), aead, context), again(wrapped.mac(), aead, context)));
                        return true;
                    } catch (GeneralSecurityException e) {
                        throw new IllegalStateException("a tenant's keys could not be wrapped again", e);
                    }
                })
                .orElse(false);
    }

    private static byte[] again(byte[] wrapped, Aead master, byte[] context) throws GeneralSecurityException {
        return TinkProtoKeysetFormat.serializeEncryptedKeyset(
                TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, master, context), master, context);
    }
}
