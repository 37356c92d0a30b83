-- Flags other modules raise on a client's page (a risk answer, a missed dose) until cleared. The
-- message is written by the product and never identifies the client.
create table client_flag (
    tenant_id  uuid not null,
    id         uuid not null,
    client_id  uuid not null,
    source     text not null,
    message    text not null,
    raised_at  timestamptz not null,
    cleared_at timestamptz,
    cleared_by uuid,
    primary key (tenant_id, id),
    foreign key (tenant_id, client_id) references client (tenant_id, id)
);
create index client_flag_open on client_flag (tenant_id, client_id) where cleared_at is null;

alter table client_flag enable row level security;
alter table client_flag force row level security;
create policy tenant_isolation on client_flag
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

grant select, insert, update on client_flag to ${runtimeRole};
