-- Retention (docs/data-protection.md): how long the tenant keeps client records, and extensions
-- of one client's record with a reason (sealed under the client's key). A tenant without a row
-- keeps adult records 8 years after the last contact and children's until their 25th birthday,
-- and files nothing by itself.

create table retention_settings (
    tenant_id       uuid not null primary key references tenant (id),
    adult_years     int not null check (adult_years between 1 and 100),
    child_until_age int not null check (child_until_age between 18 and 100),
    automatic       boolean not null
);

create table retention_extension (
    tenant_id   uuid not null,
    client_id   uuid not null,
    until       date not null,
    reason      bytea not null,
    extended_by uuid not null,
    extended_at timestamptz not null,
    primary key (tenant_id, client_id),
    foreign key (tenant_id, client_id) references client (tenant_id, id)
);

alter table retention_settings enable row level security;
alter table retention_settings force row level security;
create policy tenant_isolation on retention_settings
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

alter table retention_extension enable row level security;
alter table retention_extension force row level security;
create policy tenant_isolation on retention_extension
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

grant select, insert, update on retention_settings, retention_extension to ${runtimeRole};
