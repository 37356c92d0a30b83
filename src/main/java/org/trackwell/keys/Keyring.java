package org.trackwell.keys;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Mac;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.mac.PredefinedMacParameters;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.trackwell.keys.internal.ClientKeyRows;
import org.trackwell.keys.internal.MasterKey;
import org.trackwell.keys.internal.TenantKeyRows;
import org.trackwell.shared.CurrentTenant;
import org.trackwell.shared.TenantId;

/**
 * A tenant's keys and its clients' keys, made on first use, unwrapped on first use and kept in
 * memory for a bounded time and number; and sealing and opening with them. Keys are read under
 * row-level security, so only the current tenant's fields can be sealed or opened.
 */
final class Keyring {

    record TenantKeys(Aead aead, Mac mac) {}

    private record ClientKeyId(TenantId tenant, UUID client) {}

    private final TenantKeyRows rows;
    private final ClientKeyRows clientRows;
    private final MasterKey master;
    private final Clock clock;
    // Read again at least every 30 seconds, so a tenant-key rotation by another process (the
    // operator command) reaches this one well within the rotation's settling time.
    private final Cache<TenantId, TenantKeys> unwrapped = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10))
            .expireAfterWrite(Duration.ofSeconds(30))
            .maximumSize(10_000)
            .build();
    private final Cache<ClientKeyId, Aead> unwrappedClients = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10))
            .maximumSize(100_000)
            .build();

    Keyring(TenantKeyRows rows, ClientKeyRows clientRows, MasterKey master, Clock clock) {
        this.rows = rows;
        this.clientRows = clientRows;
        this.master = master;
        this.clock = clock;
    }

    EncryptedText seal(FieldAddress address, String plaintext) {
        return seal(address, plaintext.getBytes(StandardCharsets.UTF_8));
    }

    EncryptedText seal(FieldAddress address, byte[] plaintext) {
        try {
            return new EncryptedText(aeadFor(address).encrypt(plaintext, address.associatedData()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealing failed", e);
        }
    }

    String open(FieldAddress address, EncryptedText sealed) {
        return new String(openBytes(address, sealed), StandardCharsets.UTF_8);
    }

    byte[] openBytes(FieldAddress address, EncryptedText sealed) {
        try {
            return openOnce(address, sealed);
        } catch (CannotOpen | GeneralSecurityException e) {
            // The tenant's keys may have changed since they were cached (a rotation): read them again.
            forget(address.tenant());
            try {
                return openOnce(address, sealed);
            } catch (GeneralSecurityException again) {
                throw new CannotOpen();
            }
        }
    }

    private byte[] openOnce(FieldAddress address, EncryptedText sealed) throws GeneralSecurityException {
        return aeadFor(address).decrypt(sealed.ciphertext(), address.associatedData());
    }

    /** Drops the tenant's unwrapped keys from memory, so the next use reads them again. */
    void forget(TenantId tenant) {
        unwrapped.invalidate(tenant);
    }

    void forgetClient(TenantId tenant, UUID client) {
        unwrappedClients.invalidate(new ClientKeyId(tenant, client));
    }

    void forgetClientsOf(TenantId tenant) {
        unwrappedClients.asMap().keySet().removeIf(id -> id.tenant().equals(tenant));
    }

    TenantKeys keys(TenantId tenant) {
        if (!CurrentTenant.get().map(tenant::equals).orElse(false)) {
            throw new IllegalArgumentException("a field can be sealed or opened only for the current tenant");
        }
        return unwrapped.get(tenant, this::unwrapOrCreate);
    }

    private Aead aeadFor(FieldAddress address) {
        TenantKeys tenantKeys = keys(address.tenant());
        if (address.client() == null) {
            return tenantKeys.aead();
        }
        return unwrappedClients.get(
                new ClientKeyId(address.tenant(), address.client()), id -> unwrapOrCreate(id, tenantKeys.aead()));
    }

    private Aead unwrapOrCreate(ClientKeyId id, Aead tenantAead) {
        try {
            byte[] context = (id.tenant() + "/" + id.client()).getBytes(StandardCharsets.UTF_8);
            if (clientRows.find(id.client()).isEmpty()) {
                KeysetHandle key = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
                clientRows.insertIfAbsent(
                        id.tenant(),
                        id.client(),
                        TinkProtoKeysetFormat.serializeEncryptedKeyset(key, tenantAead, context),
                        clock.instant());
            }
            ClientKeyRows.Stored stored = clientRows.find(id.client()).orElseThrow();
            if (stored.destroyed()) {
                throw new CannotOpen();
            }
            return TinkProtoKeysetFormat.parseEncryptedKeyset(stored.wrapped(), tenantAead, context)
                    .getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new CannotOpen();
        }
    }

    private TenantKeys unwrapOrCreate(TenantId tenant) {
        try {
            byte[] context = tenant.toString().getBytes(StandardCharsets.UTF_8);
            if (rows.find().isEmpty()) {
                if (rows.destroyed()) {
                    throw new CannotOpen();
                }
                KeysetHandle aead = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
                KeysetHandle mac = KeysetHandle.generateNew(PredefinedMacParameters.HMAC_SHA256_256BITTAG);
                rows.insertIfAbsent(
                        tenant,
                        new TenantKeyRows.Wrapped(
                                TinkProtoKeysetFormat.serializeEncryptedKeyset(aead, master.aead(), context),
                                TinkProtoKeysetFormat.serializeEncryptedKeyset(mac, master.aead(), context)),
                        clock.instant());
            }
            TenantKeyRows.Wrapped wrapped = rows.find().orElseThrow();
            return new TenantKeys(
                    TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped.aead(), master.aead(), context)
                            .getPrimitive(RegistryConfiguration.get(), Aead.class),
                    TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped.mac(), master.aead(), context)
                            .getPrimitive(RegistryConfiguration.get(), Mac.class));
        } catch (GeneralSecurityException e) {
            throw new CannotOpen();
        }
    }
}
