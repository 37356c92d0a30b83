-- Closing a tenant (docs/data-protection.md, "Closing a tenant"): a tenant admin asks for it after
-- taking the whole-tenant archive, the tenant is read-only for a notice period, then an operator
-- closes it. Its keys are destroyed, its rows removed and its own audit stream removed; the tenant's
-- name and host names stay, so that its address says the service has closed, with the signed
-- certificate of what was destroyed.

alter table tenant drop constraint tenant_status_check;
alter table tenant add constraint tenant_status_check
    check (status in ('ACTIVE', 'READ_ONLY', 'SUSPENDED', 'CLOSED'));
alter table tenant add column closed_at timestamptz;
alter table tenant add column closure_certificate bytea;
alter table tenant add constraint tenant_closed_at check ((status = 'CLOSED') = (closed_at is not null));

-- The request: removed with the tenant's other rows when it closes.
create table tenant_closure_request (
    tenant_id           uuid not null primary key references tenant (id),
    requested_by        uuid not null,
    requested_at        timestamptz not null,
    reason              text not null,
    archive_produced_at timestamptz not null,
    close_after         timestamptz not null
);

alter table tenant_closure_request enable row level security;
alter table tenant_closure_request force row level security;
create policy tenant_isolation on tenant_closure_request
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

grant select, insert, delete on tenant_closure_request to ${runtimeRole};

-- Removes every row of a closed tenant from every table with a tenant_id, except its host names
-- and its audit stream (erase_closed_audit_stream). Tables are emptied in the order their foreign
-- keys allow, found by trying: a table still referred to is tried again after the others. Only the
-- owner role may call it; the runtime role may not, and lacks the grants it would need anyway.
create function close_tenant_rows(closing uuid) returns table (table_name text, removed bigint)
language plpgsql set search_path from current as $$
declare
    remaining text[];
    refused text[];
    each_table text;
    removed_rows bigint;
    counts jsonb := '{}';
begin
    if not exists (select 1 from tenant where id = closing and status = 'CLOSED') then
        raise exception 'tenant % is not closed: its rows stay', closing;
    end if;
    perform set_config('app.tenant_id', closing::text, true);
    select coalesce(array_agg(c.table_name::text order by c.table_name), '{}') into remaining
    from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = current_schema() and c.column_name = 'tenant_id' and t.table_type = 'BASE TABLE'
      and c.table_name not in ('tenant_host', 'audit_event', 'audit_seal', 'audit_checkpoint', 'audit_pending');
    while cardinality(remaining) > 0 loop
        refused := '{}';
        foreach each_table in array remaining loop
            begin
                execute format('delete from %I where tenant_id = $1', each_table) using closing;
                get diagnostics removed_rows = row_count;
                counts := counts || jsonb_build_object(each_table, removed_rows);
            exception when foreign_key_violation then
                refused := refused || each_table;
            end;
        end loop;
        if cardinality(refused) = cardinality(remaining) then
            raise exception 'the rows of tenant % in % refer to each other and cannot be removed', closing, refused;
        end if;
        remaining := refused;
    end loop;
    return query select key, value::bigint from jsonb_each_text(counts) order by key;
end
$$;
revoke all on function close_tenant_rows(uuid) from public;

-- The one exception to the audit trail's append-only rule: a closed tenant's own stream may be
-- deleted, within a transaction that names that stream in trackwell.erasing_audit_stream. The
-- runtime role has no DELETE on the audit tables, so it never reaches this trigger.
create or replace function audit_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        if current_setting('trackwell.erasing_audit_stream', true) = old.tenant_id::text
                and exists (select 1 from tenant where id = old.tenant_id and status = 'CLOSED') then
            return old;
        end if;
    end if;
    raise exception 'the audit trail is append-only: % on % refused', tg_op, tg_table_name;
end
$$;

-- Deletes a closed tenant's audit stream, only once every entry of it is sealed into its chain
-- and the chain's head is signed in a checkpoint (which the closure certificate quotes, and the
-- tenant's archive can be checked against). Returns how many entries were removed. Owned by the
-- owner role and callable only by it.
create function erase_closed_audit_stream(closing uuid) returns bigint
language plpgsql security definer set search_path from current as $$
declare
    entries bigint;
    head bigint;
    signed bigint;
begin
    if not exists (select 1 from tenant where id = closing and status = 'CLOSED') then
        raise exception 'tenant % is not closed: its audit stream stays', closing;
    end if;
    -- The sealer's lock on the stream (AuditRows.lockStream): no batch of it is half-way through.
    perform pg_advisory_xact_lock(hashtextextended(closing::text, 7));
    perform set_config('app.tenant_id', closing::text, true);
    select count(*) into entries from audit_event where tenant_id = closing;
    select coalesce(max(seq), 0) into head from audit_seal where tenant_id = closing;
    select coalesce(max(seq), 0) into signed from audit_checkpoint where tenant_id = closing;
    if exists (select 1 from audit_pending where tenant_id = closing) or entries <> head or signed <> head then
        raise exception 'the audit stream of tenant % is not sealed and signed to its head: it stays', closing;
    end if;
    perform set_config('trackwell.erasing_audit_stream', closing::text, true);
    delete from audit_checkpoint where tenant_id = closing;
    delete from audit_seal where tenant_id = closing;
    delete from audit_event where tenant_id = closing;
    perform set_config('trackwell.erasing_audit_stream', '', true);
    return entries;
end
$$;
revoke all on function erase_closed_audit_stream(uuid) from public;

-- A restore from a backup taken before a tenant closed closes it again before anything opens the
-- database (the erasure ledger records the closure): run by the superuser, which the checks of
-- erase_closed_audit_stream do not bind, since the stream restored may end before its last seal.
create function close_tenant_again(closing uuid, closed timestamptz) returns void
language plpgsql set search_path from current as $$
begin
    update tenant set status = 'CLOSED', closed_at = coalesce(closed_at, closed) where id = closing;
    perform close_tenant_rows(closing);
    perform pg_advisory_xact_lock(hashtextextended(closing::text, 7));
    perform set_config('app.tenant_id', closing::text, true);
    perform set_config('trackwell.erasing_audit_stream', closing::text, true);
    delete from audit_pending where tenant_id = closing;
    delete from audit_checkpoint where tenant_id = closing;
    delete from audit_seal where tenant_id = closing;
    delete from audit_event where tenant_id = closing;
    perform set_config('trackwell.erasing_audit_stream', '', true);
end
$$;
revoke all on function close_tenant_again(uuid, timestamptz) from public;
