-- A tenant's own terms of use, which its admins write and number 2, 3, ...: version 1 is always
-- Trackwell's default terms, which the application holds and never stores here. Every user
-- accepts the tenant's current version, besides the operator's terms_of_use, which stay as they
-- are (one set for every tenant).
create table tenant_terms (
    tenant_id    uuid not null references tenant (id),
    version      int not null check (version > 1),
    text         text not null,
    published_at timestamptz not null,
    published_by uuid not null,
    primary key (tenant_id, version),
    foreign key (tenant_id, published_by) references user_account (tenant_id, id)
);

create table tenant_terms_acceptance (
    tenant_id   uuid not null,
    user_id     uuid not null,
    version     int not null check (version > 0),
    accepted_at timestamptz not null,
    primary key (tenant_id, user_id, version),
    foreign key (tenant_id, user_id) references user_account (tenant_id, id)
);

alter table tenant_terms enable row level security;
alter table tenant_terms force row level security;
create policy tenant_isolation on tenant_terms
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

alter table tenant_terms_acceptance enable row level security;
alter table tenant_terms_acceptance force row level security;
create policy tenant_isolation on tenant_terms_acceptance
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

grant select, insert on tenant_terms, tenant_terms_acceptance to ${runtimeRole};
