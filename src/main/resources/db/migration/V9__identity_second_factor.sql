-- TOTP: the secret only sealed by the keys module; the last step used, so no code is accepted twice.
create table totp_factor (
    tenant_id      uuid not null,
    user_id        uuid not null,
    secret         bytea not null,
    created_at     timestamptz not null,
    confirmed_at   timestamptz,
    last_used_step bigint not null default 0,
    primary key (tenant_id, user_id),
    foreign key (tenant_id, user_id) references user_account (tenant_id, id)
);

-- Recovery codes: only a keyed hash (HMAC with the installation's pepper) is stored.
create table recovery_code (
    tenant_id uuid not null,
    user_id   uuid not null,
    code_hash text not null,
    used_at   timestamptz,
    primary key (tenant_id, user_id, code_hash),
    foreign key (tenant_id, user_id) references user_account (tenant_id, id)
);

-- The second step of a sign-in: a short-lived, single-use challenge, stored as its SHA-256.
create table sign_in_challenge (
    tenant_id  uuid not null,
    token_hash text not null,
    user_id    uuid not null,
    expires_at timestamptz not null,
    used_at    timestamptz,
    primary key (tenant_id, token_hash),
    foreign key (tenant_id, user_id) references user_account (tenant_id, id)
);

-- Set-up links and password-reset links share one table; a link works only for its purpose.
alter table account_setup_token
    add column purpose text not null default 'SETUP' check (purpose in ('SETUP', 'RESET')),
    add column created_at timestamptz;

-- Password-reset requests by client address across all tenants, for rate limiting.
create table password_reset_by_address (
    address      text not null,
    requested_at timestamptz not null
);
create index password_reset_by_address_recent on password_reset_by_address (address, requested_at);

-- When the session's user last proved who they are (password or second factor), for step-up.
alter table user_session add column verified_at timestamptz;
update user_session set verified_at = created_at;
alter table user_session alter column verified_at set not null;

-- The roles that must use a second factor (comma-separated role names).
alter table security_policy add column second_factor_roles text not null default 'TENANT_ADMIN';

alter table totp_factor enable row level security;
alter table totp_factor force row level security;
create policy tenant_isolation on totp_factor
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

alter table recovery_code enable row level security;
alter table recovery_code force row level security;
create policy tenant_isolation on recovery_code
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

alter table sign_in_challenge enable row level security;
alter table sign_in_challenge force row level security;
create policy tenant_isolation on sign_in_challenge
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

grant select, insert, update, delete on totp_factor, recovery_code to ${runtimeRole};
grant select, insert, update on sign_in_challenge to ${runtimeRole};
grant select, insert, delete on password_reset_by_address to ${runtimeRole};
