package org.trackwell.keys;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.trackwell.audit.AuditAction;
import org.trackwell.audit.AuditTrail;
import org.trackwell.audit.Outcome;
import org.trackwell.database.TenantTransactions;
import org.trackwell.keys.TenantSealedFields.SealedField;
import org.trackwell.keys.internal.ClientKeyRows;
import org.trackwell.keys.internal.MasterKey;
import org.trackwell.keys.internal.TenantKeyRows;
import org.trackwell.tenancy.Tenant;

/**
 * {@code keys rotate --tenant slug}: a new field key becomes the tenant's primary; every client key
 * is wrapped again and every tenant-level field sealed again under it, in small transactions while
 * the service keeps serving; after the servers' key caches have settled, passes repeat until one
 * finds nothing under an old key, and only then are the old keys destroyed. Stopped half-way, it
 * is simply run again and carries on. The blind-index key is not rotated: changing it would change
 * every index.
 */
@Service
public class TenantKeyRotation {

    private static final int BATCH = 200;
    private static final int MAX_PASSES = 5;

    /** How the rotation went: what was wrapped or sealed again, and in how many passes. */
    public record Result(long clientKeysRewrapped, long fieldsResealed, int passes) {}

    private final TenantKeyRows tenantKeys;
    private final ClientKeyRows clientKeys;
    private final MasterKey master;
    private final FieldEncryption encryption;
    private final List<TenantSealedFields> sealedFields;
    private final TenantTransactions transactions;
    private final AuditTrail trail;
    private final Clock clock;

    TenantKeyRotation(
            TenantKeyRows tenantKeys,
            ClientKeyRows clientKeys,
            MasterKey master,
            FieldEncryption encryption,
            List<TenantSealedFields> sealedFields,
            TenantTransactions transactions,
            AuditTrail trail,
            Clock clock) {
        this.tenantKeys = tenantKeys;
        this.clientKeys = clientKeys;
        this.master = master;
        this.encryption = encryption;
        this.sealedFields = sealedFields;
        this.transactions = transactions;
        this.trail = trail;
        this.clock = clock;
    }

    /** Rotates the tenant's field key; {@code settle} is how long other servers may use a cached key. */
    public Result rotate(Tenant tenant, Duration settle) throws InterruptedException {
        byte[] context = tenant.id().toString().getBytes(StandardCharsets.UTF_8);
        transactions.inTenant(tenant.id(), () -> start(tenant, context));
        encryption.forget(tenant.id());
        long rewrapped = 0;
        long resealed = 0;
        int passes = 0;
        long changed;
        do {
            Thread.sleep(passes == 0 ? 0 : settle.toMillis());
            Pass pass = pass(tenant, context);
            rewrapped += pass.clientKeys();
            resealed += pass.fields();
            changed = pass.clientKeys() + pass.fields();
            passes++;
        } while ((changed > 0 || passes < 2) && passes < MAX_PASSES);
        if (changed > 0) {
            throw new IllegalStateException("keys are still being sealed under the old key; run the command again");
        }
        transactions.inTenant(tenant.id(), () -> finish(tenant, context));
        encryption.forget(tenant.id());
        return new Result(rewrapped, resealed, passes);
    }

    private record Pass(long clientKeys, long fields) {}

    private Void start(Tenant tenant, byte[] context) {
        if (tenantKeys.rotationStartedAt().isPresent()) {
            return null;
        }
        KeysetHandle keyset = keyset(context);
        try {
            KeysetHandle rotated = KeysetHandle.newBuilder(keyset)
                    .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                            .withRandomId()
                            .makePrimary())
                    .build();
            tenantKeys.startRotation(wrap(rotated, context), clock.instant());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the tenant's new key could not be made", e);
        }
        trail.record(AuditAction.KEYS_TENANT_ROTATION_STARTED, "tenant:" + tenant.slug(), Outcome.SUCCESS);
        return null;
    }

    private Pass pass(Tenant tenant, byte[] context) {
        long rewrapped = 0;
        UUID after = new UUID(0, 0);
        while (true) {
            UUID from = after;
            List<ClientKeyRows.Wrapped> batch = transactions.inTenant(tenant.id(), () -> clientKeys.after(from, BATCH));
            if (batch.isEmpty()) {
                break;
            }
            rewrapped += transactions.inTenant(tenant.id(), () -> rewrapClientKeys(tenant, batch));
            after = batch.getLast().client();
        }
        long resealed = transactions.inTenant(tenant.id(), () -> resealFields(context));
        return new Pass(rewrapped, resealed);
    }

    private long rewrapClientKeys(Tenant tenant, List<ClientKeyRows.Wrapped> batch) {
        KeysetHandle keyset = keyset(tenant.id().toString().getBytes(StandardCharsets.UTF_8));
        Aead all = aead(keyset);
        Aead newest = aead(primaryOnly(keyset));
        long rewrapped = 0;
        for (ClientKeyRows.Wrapped key : batch) {
            byte[] context = (tenant.id() + "/" + key.client()).getBytes(StandardCharsets.UTF_8);
            try {
                TinkProtoKeysetFormat.parseEncryptedKeyset(key.wrapped(), newest, context);
            } catch (GeneralSecurityException underOldKey) {
                try {
                    KeysetHandle clientKey = TinkProtoKeysetFormat.parseEncryptedKeyset(key.wrapped(), all, context);
                    clientKeys.rewrap(
                            key.client(), TinkProtoKeysetFormat.serializeEncryptedKeyset(clientKey, all, context));
                    rewrapped++;
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("a client key could not be wrapped again", e);
                }
            }
        }
        return rewrapped;
    }

    private long resealFields(byte[] context) {
        KeysetHandle keyset = keyset(context);
        Aead all = aead(keyset);
        Aead newest = aead(primaryOnly(keyset));
        long resealed = 0;
        for (TenantSealedFields owner : sealedFields) {
            for (SealedField field : owner.sealedUnderTenantKey()) {
                byte[] associated = field.address().associatedData();
                try {
                    newest.decrypt(field.text().ciphertext(), associated);
                } catch (GeneralSecurityException underOldKey) {
                    try {
                        byte[] plaintext = all.decrypt(field.text().ciphertext(), associated);
                        owner.replace(field.address(), new EncryptedText(all.encrypt(plaintext, associated)));
                        resealed++;
                    } catch (GeneralSecurityException e) {
                        throw new IllegalStateException("a field could not be sealed again", e);
                    }
                }
            }
        }
        return resealed;
    }

    private Void finish(Tenant tenant, byte[] context) {
        try {
            tenantKeys.finishRotation(wrap(primaryOnly(keyset(context)), context));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the old keys could not be destroyed", e);
        }
        trail.record(AuditAction.KEYS_TENANT_ROTATED, "tenant:" + tenant.slug(), Outcome.SUCCESS);
        return null;
    }

    private KeysetHandle keyset(byte[] context) {
        try {
            return TinkProtoKeysetFormat.parseEncryptedKeyset(
                    tenantKeys
                            .find()
                            .orElseThrow(() -> new IllegalStateException("the tenant has no keys yet"))
                            .aead(),
                    master.aead(),
                    context);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the tenant's keys cannot be opened", e);
        }
    }

    private byte[] wrap(KeysetHandle keyset, byte[] context) throws GeneralSecurityException {
        return TinkProtoKeysetFormat.serializeEncryptedKeyset(keyset, master.aead(), context);
    }

    private static KeysetHandle primaryOnly(KeysetHandle keyset) {
        try {
            KeysetHandle.Builder builder = KeysetHandle.newBuilder(keyset);
            for (int i = builder.size() - 1; i >= 0; i--) {
                if (!keyset.getAt(i).isPrimary()) {
                    builder.deleteAt(i);
                }
            }
            return builder.build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Aead aead(KeysetHandle keyset) {
        try {
            return keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
