create table user_account (
    tenant_id    uuid not null references tenant (id),
    id           uuid not null,
    email        text not null,
    display_name text not null,
    status       text not null check (status in ('INVITED', 'ACTIVE', 'DISABLED')),
    created_at   timestamptz not null,
    primary key (tenant_id, id),
    unique (tenant_id, email)
);

create table user_role (
    tenant_id uuid not null,
    user_id   uuid not null,
    role      text not null check (role in ('TENANT_ADMIN', 'MANAGER', 'PRACTITIONER', 'CARER', 'AUDITOR')),
    primary key (tenant_id, user_id, role),
    foreign key (tenant_id, user_id) references user_account (tenant_id, id)
);

-- One-time set-up links: only the SHA-256 of the token is stored.
create table account_setup_token (
    tenant_id  uuid not null,
    token_hash text not null,
    user_id    uuid not null,
    expires_at timestamptz not null,
    used_at    timestamptz,
    primary key (tenant_id, token_hash),
    foreign key (tenant_id, user_id) references user_account (tenant_id, id)
);

alter table user_account enable row level security;
alter table user_account force row level security;
create policy tenant_isolation on user_account
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

alter table user_role enable row level security;
alter table user_role force row level security;
create policy tenant_isolation on user_role
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

alter table account_setup_token enable row level security;
alter table account_setup_token force row level security;
create policy tenant_isolation on account_setup_token
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

grant select, insert, update on user_account, account_setup_token to ${runtimeRole};
grant select, insert, delete on user_role to ${runtimeRole};
