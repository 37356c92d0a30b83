package org.trackwell.keys;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trackwell.audit.AuditAction;
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

    private final TenantKeyRows rows;
    private final ClientKeyRows clientRows;
    private final Keyring keyring;
    private final AuditTrail trail;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    FieldEncryption(
            TenantKeyRows rows,
            ClientKeyRows clientRows,
            MasterKey master,
            AuditTrail trail,
            Clock clock,
            ApplicationEventPublisher events) {
        this.events = events;
        this.rows = rows;
        this.clientRows = clientRows;
        this.keyring = new Keyring(rows, clientRows, master, clock);
        this.trail = trail;
        this.clock = clock;
    }

    @Transactional
    public EncryptedText seal(FieldAddress address, String plaintext) {
        return keyring.seal(address, plaintext);
    }

    /** Seals bytes that are not text, such as a photo, in the same way. */
    @Transactional
    public EncryptedText seal(FieldAddress address, byte[] plaintext) {
        return keyring.seal(address, plaintext);
    }

    /** Opens sealed bytes at the address they were sealed for; anywhere else it fails closed. */
    @Transactional
    public byte[] openBytes(FieldAddress address, EncryptedText sealed) {
        return keyring.openBytes(address, sealed);
    }

    /** Opens a sealed value at the address it was sealed for; anywhere else it fails closed. */
    @Transactional
    public String open(FieldAddress address, EncryptedText sealed) {
        return keyring.open(address, sealed);
    }

    /**
     * Crypto-shredding a whole tenant: destroys its keys, after which nothing sealed for the tenant
     * or any of its clients opens again, and nothing new can be sealed. Recorded in the audit trail
     * and announced ({@link KeyDestroyed}) to the erasure ledger of the backups.
     */
    @Transactional
    public void destroyTenantKeys(TenantId tenant) {
        destroyTenantKeys(tenant, false);
    }

    /**
     * As {@link #destroyTenantKeys(TenantId)} for a tenant that is closing: the erasure ledger
     * records the closure too, so that a restore of an older backup closes the tenant again.
     */
    @Transactional
    public void destroyKeysOfClosingTenant(TenantId tenant) {
        destroyTenantKeys(tenant, true);
    }

    private void destroyTenantKeys(TenantId tenant, boolean closing) {
        if (!CurrentTenant.get().map(tenant::equals).orElse(false)) {
            throw new IllegalArgumentException("a tenant's keys can be destroyed only within the tenant");
        }
        Instant now = clock.instant();
        rows.destroy(tenant, now);
        events.publishEvent(new KeyDestroyed(tenant, null, now, closing));
        keyring.forget(tenant);
        keyring.forgetClientsOf(tenant);
        trail.record(AuditAction.TENANT_KEYS_DESTROYED, "tenant:" + tenant, Outcome.SUCCESS);
    }

    /** Drops the tenant's unwrapped keys from memory, so the next use reads them again. */
    void forget(TenantId tenant) {
        keyring.forget(tenant);
    }

    /**
     * A keyed HMAC of the normalised value, per tenant and field, for exact-match search without
     * storing the value: equal values in different tenants or fields do not match.
     */
    @Transactional
    public String blindIndex(TenantId tenant, String field, String normalisedValue) {
        try {
            byte[] tag = keyring.keys(tenant)
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
     * is reused; nothing new can be sealed for them either. Recorded in the audit trail and
     * announced ({@link KeyDestroyed}) to the erasure ledger of the backups, which destroys it again
     * in any restore of an older backup.
     */
    @Transactional
    public void destroyClientKey(TenantId tenant, UUID client) {
        keyring.keys(tenant);
        Instant now = clock.instant();
        clientRows.destroy(tenant, client, now);
        events.publishEvent(new KeyDestroyed(tenant, client, now));
        keyring.forgetClient(tenant, client);
        trail.record(AuditAction.CLIENT_KEY_DESTROYED, "client:" + client, Outcome.SUCCESS);
    }

    /**
     * Destroys again, within the current tenant, a key that the erasure ledger says was destroyed,
     * in a database restored by other tools (pgBackRest) from before that; whether it was still
     * there. Recorded in the audit trail when it was; not announced again.
     */
    @Transactional
    public boolean destroyAgain(KeyDestroyed destroyed) {
        if (!CurrentTenant.get().map(destroyed.tenant()::equals).orElse(false)) {
            throw new IllegalArgumentException("a key can be destroyed again only within its tenant");
        }
        boolean wasThere = destroyed
                        .clientKey()
                        .map(client -> clientRows.destroyAgain(destroyed.tenant(), client, destroyed.at()))
                        .orElseGet(() -> rows.destroyAgain(destroyed.tenant(), destroyed.at()))
                > 0;
        if (wasThere) {
            keyring.forget(destroyed.tenant());
            keyring.forgetClientsOf(destroyed.tenant());
            trail.record(
                    destroyed.clientKey().isPresent()
                            ? AuditAction.CLIENT_KEY_DESTROYED_AGAIN
                            : AuditAction.TENANT_KEYS_DESTROYED_AGAIN,
                    destroyed.clientKey().map(client -> "client:" + client).orElse("tenant:" + destroyed.tenant()),
                    Outcome.SUCCESS);
        }
        return wasThere;
    }
}
