package org.trackwell.keys;

import java.util.List;

/**
 * A module whose table holds fields sealed under the tenant's own key (not a client's): tenant-key
 * rotation asks it for them and hands back each one sealed again under the new key. SQL stays in
 * the module that owns the table.
 */
public interface TenantSealedFields {

    /** A sealed field and where it lives. */
    record SealedField(FieldAddress address, EncryptedText text) {}

    /** Every field of the current tenant sealed under the tenant key. */
    List<SealedField> sealedUnderTenantKey();

    /** Stores {@code resealed} in place of the field at {@code address}. */
    void replace(FieldAddress address, EncryptedText resealed);
}
