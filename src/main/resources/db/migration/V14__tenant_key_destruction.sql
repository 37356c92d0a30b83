-- Destroying a tenant's keys (crypto-shredding a whole tenant) overwrites both wrapped keysets and
-- keeps only the fact and time of their destruction.
alter table tenant_data_key
    alter column aead_keyset drop not null,
    alter column mac_keyset drop not null,
    add column destroyed_at timestamptz,
    add check ((aead_keyset is null) = (destroyed_at is not null));
grant update (destroyed_at) on tenant_data_key to ${runtimeRole};
