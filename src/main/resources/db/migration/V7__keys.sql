-- Each tenant's data keys, wrapped by the master key (which is never in the database).
create table tenant_data_key (
    tenant_id   uuid not null references tenant (id),
    aead_keyset bytea not null,
    mac_keyset  bytea not null,
    created_at  timestamptz not null,
    primary key (tenant_id)
);

alter table tenant_data_key enable row level security;
alter table tenant_data_key force row level security;
create policy tenant_isolation on tenant_data_key
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

grant select, insert on tenant_data_key to ${runtimeRole};
