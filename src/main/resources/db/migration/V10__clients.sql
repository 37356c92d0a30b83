-- Clients: a pseudonym code is the only identifier most screens show. Identifying details are
-- off unless the tenant turns them on, and then only sealed under the client's own key; the NHS
-- number and e-mail also as keyed blind indexes for exact search.
create table client (
    tenant_id         uuid not null references tenant (id),
    id                uuid not null,
    code              text not null,
    team_id           uuid not null,
    reference         bytea,
    reference_index   text,
    demographics      jsonb not null default '{}',
    name              bytea,
    date_of_birth     bytea,
    nhs_number        bytea,
    nhs_number_index  text,
    address           bytea,
    email             bytea,
    email_index       text,
    phone             bytea,
    risk_level        text not null default 'NONE',
    created_at        timestamptz not null,
    created_by        uuid not null,
    primary key (tenant_id, id),
    unique (tenant_id, code),
    foreign key (tenant_id, team_id) references team (tenant_id, id)
);
create index client_by_team on client (tenant_id, team_id, created_at desc);
create index client_by_reference on client (tenant_id, reference_index) where reference_index is not null;
create index client_by_nhs_number on client (tenant_id, nhs_number_index) where nhs_number_index is not null;
create index client_by_email on client (tenant_id, email_index) where email_index is not null;

create table client_allocation (
    tenant_id    uuid not null,
    client_id    uuid not null,
    user_id      uuid not null,
    allocated_at timestamptz not null,
    primary key (tenant_id, client_id, user_id),
    foreign key (tenant_id, client_id) references client (tenant_id, id),
    foreign key (tenant_id, user_id) references user_account (tenant_id, id)
);
create index client_allocation_by_user on client_allocation (tenant_id, user_id);

create table episode (
    tenant_id       uuid not null,
    id              uuid not null,
    client_id       uuid not null,
    referred_on     date not null,
    referral_source text,
    stage           text not null check (stage in ('REFERRAL', 'SCREENING', 'ASSESSMENT', 'TREATMENT', 'COMPLETION')),
    closed_on       date,
    closure_planned boolean,
    closure_reason  text check (closure_reason in ('COMPLETED', 'DROPPED_OUT', 'REFERRED_ON', 'DECLINED', 'OTHER')),
    created_at      timestamptz not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, client_id) references client (tenant_id, id)
);
create index episode_by_client on episode (tenant_id, client_id, referred_on desc);
create index episode_open on episode (tenant_id, client_id) where closed_on is null;

create table episode_follow_up (
    tenant_id  uuid not null,
    id         uuid not null,
    episode_id uuid not null,
    due_on     date not null,
    created_at timestamptz not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, episode_id) references episode (tenant_id, id)
);

create table client_risk (
    tenant_id   uuid not null,
    id          uuid not null,
    client_id   uuid not null,
    level       text not null check (level in ('NONE', 'LOW', 'MEDIUM', 'HIGH', 'SEVERE')),
    note        bytea,
    assessed_on date not null,
    recorded_at timestamptz not null,
    recorded_by uuid not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, client_id) references client (tenant_id, id)
);

create table client_consent (
    tenant_id   uuid not null,
    id          uuid not null,
    client_id   uuid not null,
    purpose     text not null,
    given       boolean not null,
    given_on    date not null,
    recorded_at timestamptz not null,
    recorded_by uuid not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, client_id) references client (tenant_id, id)
);

create table client_note (
    tenant_id  uuid not null,
    id         uuid not null,
    client_id  uuid not null,
    episode_id uuid,
    kind       text not null check (kind in ('CASE', 'SESSION')),
    text       bytea not null,
    written_at timestamptz not null,
    written_by uuid not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, client_id) references client (tenant_id, id)
);
create index client_note_by_client on client_note (tenant_id, client_id, written_at desc);

-- What a tenant records about clients: which identifiers are on, which demographics show, and
-- an optional cap on open cases per practitioner.
create table client_settings (
    tenant_id            uuid primary key references tenant (id),
    identifiers          text not null default '',
    demographics         text not null,
    open_case_cap        int
);

alter table client enable row level security;
alter table client force row level security;
create policy tenant_isolation on client
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
alter table client_allocation enable row level security;
alter table client_allocation force row level security;
create policy tenant_isolation on client_allocation
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
alter table episode enable row level security;
alter table episode force row level security;
create policy tenant_isolation on episode
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
alter table episode_follow_up enable row level security;
alter table episode_follow_up force row level security;
create policy tenant_isolation on episode_follow_up
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
alter table client_risk enable row level security;
alter table client_risk force row level security;
create policy tenant_isolation on client_risk
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
alter table client_consent enable row level security;
alter table client_consent force row level security;
create policy tenant_isolation on client_consent
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
alter table client_note enable row level security;
alter table client_note force row level security;
create policy tenant_isolation on client_note
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
alter table client_settings enable row level security;
alter table client_settings force row level security;
create policy tenant_isolation on client_settings
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

grant select, insert, update on client, episode, client_settings to ${runtimeRole};
grant select, insert, delete on client_allocation to ${runtimeRole};
grant select, insert on episode_follow_up, client_risk, client_consent, client_note to ${runtimeRole};
