-- A data key per client, wrapped by the tenant's key. Destroying it (crypto-shredding) overwrites
-- the wrapped key and keeps only the fact and time of its destruction.
create table client_data_key (
    tenant_id    uuid not null references tenant (id),
    client_id    uuid not null,
    aead_keyset  bytea,
    created_at   timestamptz not null,
    destroyed_at timestamptz,
    primary key (tenant_id, client_id),
    check ((aead_keyset is null) = (destroyed_at is not null))
);

alter table client_data_key enable row level security;
alter table client_data_key force row level security;
create policy tenant_isolation on client_data_key
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

grant select, insert, update on client_data_key to ${runtimeRole};
