-- Master-key rotation wraps a tenant's data keys again: only the wrapped keysets may change.
grant update (aead_keyset, mac_keyset) on tenant_data_key to ${runtimeRole};
