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
import java.util.HexFormat;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trackwell.audit.AuditTrail;
import org.trackwell.audit.Outcome;
import org.trackwell.keys.internal.ClientKeyRows;
import org.trackwell.keys.internal.MasterKey;
import org.trackwell.keys.internal.TenantKeyRows;
import org.trackwell.shared.CurrentTenant;
import org.trackwell.shared.TenantId;

/**
 * The one way to encrypt a field: AES-256-GCM (Tink) under the tenant's data key, with the field's
 * address as associated data; and keyed blind indexes for fields searched by exact value. The
 * tenant's keys are unwrapped on first use and kept in memory for a bounded time and number.
 */
@Service
public class FieldEncryption {

    private record TenantKeys(Aead aead, Mac mac) {}

    private record ClientKeyId(TenantId tenant, UUID client) {}

    private final TenantKeyRows rows;
    private final ClientKeyRows clientRows;
    private final MasterKey master;
    private final AuditTrail trail;
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

    FieldEncryption(TenantKeyRows rows, ClientKeyRows clientRows, MasterKey master, AuditTrail trail, Clock clock) {
        this.rows = rows;
        this.clientRows = clientRows;
        this.master = master;
        this.trail = trail;
        this.clock = clock;
    }

    @Transactional
    public EncryptedText seal(FieldAddress address, String plaintext) {
        try {
            return new EncryptedText(
                    aeadFor(address).encrypt(plaintext.getBytes(StandardCharsets.UTF_8), address.associatedData()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealing failed", e);
        }
    }

    /** Opens a sealed value at the address it was sealed for; anywhere else it fails closed. */
    @Transactional
    public String open(FieldAddress address, EncryptedText sealed) {
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

    private String openOnce(FieldAddress address, EncryptedText sealed) throws GeneralSecurityException {
        byte[] plaintext = aeadFor(address).decrypt(sealed.ciphertext(), address.associatedData());
        return new String(plaintext, StandardCharsets.UTF_8);
    }

    /**
     * Crypto-shredding a whole tenant: destroys its keys, after which nothing sealed for the tenant
     * or any of its clients opens again, and nothing new can be sealed. Recorded in the audit trail.
     */
    @Transactional
    public void destroyTenantKeys(TenantId tenant) {
        if (!CurrentTenant.get().map(tenant::equals).orElse(false)) {
            throw new IllegalArgumentException("a tenant's keys can be destroyed only within the tenant");
        }
        rows.destroy(tenant, clock.instant());
        forget(tenant);
        unwrappedClients.asMap().keySet().removeIf(id -> id.tenant().equals(tenant));
        trail.record("tenant-keys.destroyed", "tenant:" + tenant, Outcome.SUCCESS);
    }

    /** Drops the tenant's unwrapped keys from memory, so the next use reads them again. */
    void forget(TenantId tenant) {
        unwrapped.invalidate(tenant);
    }

    /**
     * A keyed HMAC of the normalised value, per tenant and field, for exact-match search without
     * storing the value: equal values in different tenants or fields do not match.
     */
    @Transactional
    public String blindIndex(TenantId tenant, String field, String normalisedValue) {
        try {
            byte[] tag = keys(tenant)
                    .mac()
                    .computeMac((field + "\u0000" + normalisedValue).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(tag);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("indexing failed", e);
        }
    }

    /**
     * Crypto-shredding: destroys the client's key, after which nothing sealed for that client can
     * be opened again, here or in any copy of the database taken after the destroyed row's space
     * is reused; nothing new can be sealed for them either. Recorded in the audit trail.
     */
    @Transactional
    public void destroyClientKey(TenantId tenant, UUID client) {
        keys(tenant);
        clientRows.destroy(tenant, client, clock.instant());
        unwrappedClients.invalidate(new ClientKeyId(tenant, client));
        trail.record("client-key.destroyed", "client:" + client, Outcome.SUCCESS);
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

    /** Keys are read under row-level security, so only the current tenant's fields can be sealed. */
    private TenantKeys keys(TenantId tenant) {
        if (!CurrentTenant.get().map(tenant::equals).orElse(false)) {
            throw new IllegalArgumentException("a field can be sealed or opened only for the current tenant");
        }
        return unwrapped.get(tenant, this::unwrapOrCreate);
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
