-- Operators are platform staff, outside every tenant. These tables hold their accounts and
-- sessions only: no tenant or client data, so they are outside row-level security.
create table operator_account (
    id              uuid primary key,
    email           text not null unique,
    password_hash   text,
    status          text not null check (status in ('INVITED', 'ACTIVE', 'DISABLED')),
    created_at      timestamptz not null,
    failed_attempts int not null default 0,
    lock_count      int not null default 0,
    locked_until    timestamptz
);

create table operator_setup_token (
    token_hash  text primary key,
    operator_id uuid not null references operator_account (id),
    expires_at  timestamptz not null,
    used_at     timestamptz
);

create table operator_session (
    token_hash   text primary key,
    operator_id  uuid not null references operator_account (id),
    created_at   timestamptz not null,
    last_used_at timestamptz not null,
    expires_at   timestamptz not null,
    revoked_at   timestamptz
);

grant select, insert, update on operator_account, operator_setup_token, operator_session to ${runtimeRole};
