-- Operators always sign in with a second factor. The authenticator secret is sealed by the keys
-- module under the installation's key (operators belong to no tenant).
create table operator_totp (
    operator_id    uuid primary key references operator_account (id),
    secret         bytea not null,
    created_at     timestamptz not null,
    confirmed_at   timestamptz,
    last_used_step bigint not null default 0
);

create table operator_challenge (
    token_hash  text primary key,
    operator_id uuid not null references operator_account (id),
    expires_at  timestamptz not null,
    used_at     timestamptz
);

grant select, insert, update, delete on operator_totp to ${runtimeRole};
grant select, insert, update on operator_challenge to ${runtimeRole};
