-- Service accounts (API clients): a tenant admin makes one for another system, with scopes,
-- the teams whose clients it reaches, an expiry and a limit on calls a minute. Its keys are
-- stored only as keyed hashes. A rotated key keeps working until retires_at (the overlap); a
-- revoked account's keys all stop at once.
create table api_client (
    tenant_id        uuid not null references tenant (id),
    id               uuid not null,
    name             text not null check (length(name) between 1 and 100),
    scopes           text[] not null,
    teams            uuid[] not null,
    calls_per_minute int not null check (calls_per_minute between 1 and 10000),
    expires_at       timestamptz not null,
    created_at       timestamptz not null,
    created_by       uuid not null,
    revoked_at       timestamptz,
    primary key (tenant_id, id),
    foreign key (tenant_id, created_by) references user_account (tenant_id, id)
);

create table api_client_key (
    tenant_id   uuid not null,
    id          uuid not null,
    client_id   uuid not null,
    secret_hash text not null,
    created_at  timestamptz not null,
    retires_at  timestamptz,
    primary key (tenant_id, id),
    foreign key (tenant_id, client_id) references api_client (tenant_id, id)
);
create index api_client_key_by_client on api_client_key (tenant_id, client_id);

alter table api_client enable row level security;
alter table api_client force row level security;
create policy tenant_isolation on api_client
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

alter table api_client_key enable row level security;
alter table api_client_key force row level security;
create policy tenant_isolation on api_client_key
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

grant select, insert, update on api_client, api_client_key to ${runtimeRole};

-- The audit trail names a service account as the actor of what it does.
alter table audit_event drop constraint audit_event_actor_type_check;
alter table audit_event add constraint audit_event_actor_type_check
    check (actor_type in ('USER', 'OPERATOR', 'SYSTEM', 'ANONYMOUS', 'SERVICE_ACCOUNT'));
