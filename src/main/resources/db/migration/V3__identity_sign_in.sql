alter table user_account
    add column password_hash text,
    add column password_changed_at timestamptz,
    add column failed_attempts int not null default 0,
    add column lock_count int not null default 0,
    add column locked_until timestamptz;

create table password_history (
    tenant_id     uuid not null,
    user_id       uuid not null,
    changed_at    timestamptz not null,
    password_hash text not null,
    primary key (tenant_id, user_id, changed_at),
    foreign key (tenant_id, user_id) references user_account (tenant_id, id)
);

create table team (
    tenant_id uuid not null references tenant (id),
    id        uuid not null,
    name      text not null,
    primary key (tenant_id, id),
    unique (tenant_id, name)
);

create table team_member (
    tenant_id uuid not null,
    team_id   uuid not null,
    user_id   uuid not null,
    primary key (tenant_id, team_id, user_id),
    foreign key (tenant_id, team_id) references team (tenant_id, id),
    foreign key (tenant_id, user_id) references user_account (tenant_id, id)
);

-- Sessions: only the SHA-256 of the bearer token is stored.
create table user_session (
    tenant_id    uuid not null,
    token_hash   text not null,
    user_id      uuid not null,
    created_at   timestamptz not null,
    last_used_at timestamptz not null,
    expires_at   timestamptz not null,
    revoked_at   timestamptz,
    primary key (tenant_id, token_hash),
    foreign key (tenant_id, user_id) references user_account (tenant_id, id)
);
create index user_session_by_user on user_session (tenant_id, user_id) where revoked_at is null;

-- Every sign-in event, until the audit trail takes these over.
create table sign_in_event (
    tenant_id   uuid not null references tenant (id),
    id          uuid not null,
    occurred_at timestamptz not null,
    kind        text not null,
    user_id     uuid,
    email       text,
    address     text,
    user_agent  text,
    primary key (tenant_id, id)
);

create table security_policy (
    tenant_id              uuid not null references tenant (id),
    min_password_length    int not null,
    password_history       int not null,
    composition_rules      boolean not null,
    lockout_threshold      int not null,
    lockout_minutes        int not null,
    max_lockout_minutes    int not null,
    idle_timeout_seconds   int not null,
    primary key (tenant_id)
);

-- Failures by client address across all tenants and accounts, so that password spraying is
-- blocked wherever it aims. Addresses only: no tenant data.
create table sign_in_failure_by_address (
    address     text not null,
    occurred_at timestamptz not null
);
create index sign_in_failure_by_address_recent on sign_in_failure_by_address (address, occurred_at);

create table blocked_address (
    address       text primary key,
    blocked_until timestamptz not null
);

-- Terms of use are published by the operator for every tenant.
create table terms_of_use (
    version      text primary key,
    text         text not null,
    published_at timestamptz not null
);

create table terms_acceptance (
    tenant_id   uuid not null,
    user_id     uuid not null,
    version     text not null references terms_of_use (version),
    accepted_at timestamptz not null,
    primary key (tenant_id, user_id, version),
    foreign key (tenant_id, user_id) references user_account (tenant_id, id)
);

alter table password_history enable row level security;
alter table password_history force row level security;
create policy tenant_isolation on password_history
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

alter table team enable row level security;
alter table team force row level security;
create policy tenant_isolation on team
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

alter table team_member enable row level security;
alter table team_member force row level security;
create policy tenant_isolation on team_member
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

alter table user_session enable row level security;
alter table user_session force row level security;
create policy tenant_isolation on user_session
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

alter table sign_in_event enable row level security;
alter table sign_in_event force row level security;
create policy tenant_isolation on sign_in_event
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

alter table security_policy enable row level security;
alter table security_policy force row level security;
create policy tenant_isolation on security_policy
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

alter table terms_acceptance enable row level security;
alter table terms_acceptance force row level security;
create policy tenant_isolation on terms_acceptance
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

grant select, insert on password_history, sign_in_event, terms_acceptance to ${runtimeRole};
grant select, insert, update on team, user_session, security_policy to ${runtimeRole};
grant select, insert, delete on team_member to ${runtimeRole};
grant select, insert, delete on sign_in_failure_by_address to ${runtimeRole};
grant select, insert, update, delete on blocked_address to ${runtimeRole};
grant select, insert on terms_of_use to ${runtimeRole};
