-- Which optional modules a tenant has switched off. A module with no row is on, so every tenant,
-- old or new, uses every module until an admin switches one off. Switching off hides the module;
-- its data stays where it is, and switching it on again shows it all.
create table module_used (
    tenant_id uuid    not null references tenant (id),
    module    text    not null check (module in ('OUTCOMES', 'MEDICATION')),
    used      boolean not null,
    primary key (tenant_id, module)
);

alter table module_used enable row level security;
alter table module_used force row level security;
create policy tenant_isolation on module_used
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

grant select, insert, update on module_used to ${runtimeRole};
