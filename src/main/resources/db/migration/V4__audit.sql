-- The audit trail. Requests only insert events; the sealer links them, per tenant, into a hash
-- chain (audit_seal) and signs the chain head now and then (audit_checkpoint). Nothing in any of
-- the three tables is ever updated or deleted: a trigger refuses it for every role, and the
-- runtime role is granted only INSERT and SELECT. The nil UUID is the operator's own stream.
create table audit_event (
    tenant_id   uuid not null,
    id          uuid not null,
    occurred_at timestamptz not null,
    actor_type  text not null check (actor_type in ('USER', 'OPERATOR', 'SYSTEM', 'ANONYMOUS')),
    actor_id    text,
    actor_role  text,
    action      text not null,
    target      text,
    outcome     text not null check (outcome in ('SUCCESS', 'DENIED', 'FAILED')),
    address     text,
    user_agent  text,
    request_id  text,
    primary key (tenant_id, id)
);
create index audit_event_by_time on audit_event (tenant_id, occurred_at);

create table audit_seal (
    tenant_id uuid not null,
    seq       bigint not null,
    event_id  uuid not null,
    hash      bytea not null,
    sealed_at timestamptz not null,
    primary key (tenant_id, seq),
    unique (tenant_id, event_id)
);

create table audit_checkpoint (
    tenant_id uuid not null,
    seq       bigint not null,
    hash      bytea not null,
    signed_at timestamptz not null,
    signature bytea not null,
    primary key (tenant_id, seq)
);

-- Events committed but not yet sealed: only identifiers, read by the sealer across tenants.
create table audit_pending (
    tenant_id uuid not null,
    event_id  uuid not null,
    primary key (tenant_id, event_id)
);

create function audit_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the audit trail is append-only: % on % refused', tg_op, tg_table_name;
end
$$;

create trigger audit_event_append_only before update or delete on audit_event
    for each row execute function audit_append_only();
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_append_only();
create trigger audit_seal_append_only before update or delete on audit_seal
    for each row execute function audit_append_only();
create trigger audit_seal_no_truncate before truncate on audit_seal
    for each statement execute function audit_append_only();
create trigger audit_checkpoint_append_only before update or delete on audit_checkpoint
    for each row execute function audit_append_only();
create trigger audit_checkpoint_no_truncate before truncate on audit_checkpoint
    for each statement execute function audit_append_only();

alter table audit_event enable row level security;
alter table audit_event force row level security;
create policy tenant_isolation on audit_event
    using (tenant_id = coalesce(nullif(current_setting('app.tenant_id', true), '')::uuid, '00000000-0000-0000-0000-000000000000'))
    with check (tenant_id = coalesce(nullif(current_setting('app.tenant_id', true), '')::uuid, '00000000-0000-0000-0000-000000000000'));

alter table audit_seal enable row level security;
alter table audit_seal force row level security;
create policy tenant_isolation on audit_seal
    using (tenant_id = coalesce(nullif(current_setting('app.tenant_id', true), '')::uuid, '00000000-0000-0000-0000-000000000000'))
    with check (tenant_id = coalesce(nullif(current_setting('app.tenant_id', true), '')::uuid, '00000000-0000-0000-0000-000000000000'));

alter table audit_checkpoint enable row level security;
alter table audit_checkpoint force row level security;
create policy tenant_isolation on audit_checkpoint
    using (tenant_id = coalesce(nullif(current_setting('app.tenant_id', true), '')::uuid, '00000000-0000-0000-0000-000000000000'))
    with check (tenant_id = coalesce(nullif(current_setting('app.tenant_id', true), '')::uuid, '00000000-0000-0000-0000-000000000000'));

grant select, insert on audit_event, audit_seal, audit_checkpoint to ${runtimeRole};
grant select, insert, delete on audit_pending to ${runtimeRole};

-- Sign-in events now live in the audit trail.
drop table sign_in_event;
