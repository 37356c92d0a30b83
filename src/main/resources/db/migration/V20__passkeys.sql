-- Passkeys (WebAuthn credentials) as a second factor: the credential's public key and its
-- signature counter; nothing secret is stored. Ceremonies hold the one-time challenge of a
-- registration or sign-in for a few minutes.
create table passkey (
    tenant_id     uuid not null,
    id            uuid not null,
    user_id       uuid not null,
    credential_id bytea not null,
    credential    bytea not null,
    sign_count    bigint not null,
    name          text not null,
    created_at    timestamptz not null,
    last_used_at  timestamptz,
    primary key (tenant_id, id),
    unique (tenant_id, credential_id),
    foreign key (tenant_id, user_id) references user_account (tenant_id, id)
);
create index passkey_by_user on passkey (tenant_id, user_id);

create table passkey_ceremony (
    tenant_id  uuid not null,
    id         uuid not null,
    user_id    uuid not null,
    purpose    text not null check (purpose in ('REGISTER', 'SIGN_IN')),
    challenge  bytea not null,
    expires_at timestamptz not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, user_id) references user_account (tenant_id, id)
);

alter table passkey enable row level security;
alter table passkey force row level security;
create policy tenant_isolation on passkey
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
alter table passkey_ceremony enable row level security;
alter table passkey_ceremony force row level security;
create policy tenant_isolation on passkey_ceremony
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

grant select, insert, update, delete on passkey, passkey_ceremony to ${runtimeRole};
