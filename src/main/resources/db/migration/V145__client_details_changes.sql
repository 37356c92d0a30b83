-- Who changed which of a client's details, and when: the fields' names only, never their values,
-- so that nothing here identifies anyone and nothing needs sealing. The values are on the client's
-- row, sealed; a change names the fields as codes (REFERENCE, NAME, GENDER...), comma-separated.
create table client_details_change (
    tenant_id  uuid not null,
    id         uuid not null,
    client_id  uuid not null,
    fields     text not null,
    changed_at timestamptz not null,
    changed_by uuid not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, client_id) references client (tenant_id, id)
);
create index client_details_change_by_client on client_details_change (tenant_id, client_id, changed_at desc);

alter table client_details_change enable row level security;
alter table client_details_change force row level security;
create policy tenant_isolation on client_details_change
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

grant select, insert on client_details_change to ${runtimeRole};
