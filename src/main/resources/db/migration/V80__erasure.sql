-- Client erasure with four eyes (docs/data-protection.md): one admin requests it, another
-- approves it, a grace period follows, then the client's key is destroyed. The reason is sealed
-- under the client's own key, so it goes with everything else; the rest is who and when.

create table erasure_request (
    tenant_id     uuid not null references tenant (id),
    id            uuid not null,
    number        int not null,
    client_id     uuid not null,
    client_code   text not null,
    reason        bytea not null,
    requested_by  uuid not null,
    requested_at  timestamptz not null,
    approved_by   uuid,
    approved_at   timestamptz,
    erase_after   timestamptz,
    cancelled_by  uuid,
    cancelled_at  timestamptz,
    erased_at     timestamptz,
    certificate   bytea,
    primary key (tenant_id, id),
    unique (tenant_id, number),
    foreign key (tenant_id, client_id) references client (tenant_id, id),
    check (approved_by is null or approved_by <> requested_by),
    check ((approved_at is null) = (erase_after is null))
);
-- One open request per client.
create unique index erasure_request_open on erasure_request (tenant_id, client_id)
    where cancelled_at is null and erased_at is null;
create index erasure_request_due on erasure_request (tenant_id, erase_after)
    where cancelled_at is null and erased_at is null and erase_after is not null;

create table erasure_settings (
    tenant_id  uuid not null primary key references tenant (id),
    grace_days int not null check (grace_days between 1 and 90)
);

-- The tombstone: the pseudonym code stays, with when and by which request it was erased.
alter table client add column erased_at timestamptz;
alter table client add column erased_by_request int;

alter table erasure_request enable row level security;
alter table erasure_request force row level security;
create policy tenant_isolation on erasure_request
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

alter table erasure_settings enable row level security;
alter table erasure_settings force row level security;
create policy tenant_isolation on erasure_settings
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

grant select, insert, update on erasure_request, erasure_settings to ${runtimeRole};
