-- The tenant list and host names are read before any tenant is known (to resolve the Host header),
-- so they are the reviewed exceptions to row-level security. They hold no client data.
create table tenant (
    id           uuid primary key,
    slug         text not null unique,
    display_name text not null,
    status       text not null check (status in ('ACTIVE', 'SUSPENDED')),
    created_at   timestamptz not null
);

create table tenant_host (
    host_name text primary key,
    tenant_id uuid not null references tenant (id)
);

grant select, insert, update on tenant, tenant_host to ${runtimeRole};
grant select on ${flyway:table} to ${runtimeRole};
