-- The audit trail's time order: within a stream, no entry is dated before one already written,
-- and the chain links entries in time order, one sequence number after another.
--
-- Why these rules never refuse a legitimate write, although requests append to one stream at
-- the same time and the sealer links entries only after they commit:
--
-- 1. The database dates each entry as it is written: the writer leaves the time out, and the
--    trigger below refuses an entry that brings one. No writer, however privileged its role, can
--    choose an entry's time, earlier or later. The application's clock is not used: on several
--    nodes, or after a clock correction, it could go backwards against entries already written.
-- 2. The trigger first reads the latest time in the stream, then reads the clock. The entries it
--    can see were committed before its query began, and each was dated before it committed; so
--    the clock, read after the query, is never earlier than any of them. Entries not yet committed
--    are invisible and not compared: concurrent writers never refuse each other. (Reading the
--    clock before the query would not do: another writer could date, write and commit an entry
--    in between.) Only a database clock stepped back could date an entry before one already
--    there; the trigger refuses it rather than break the order. A clock kept by NTP slews instead.
-- 3. The sealer links entries in time order (then by id), but only those dated before the start
--    of the oldest transaction still open (pg_stat_activity.xact_start, read after the sealer
--    reads the clock; every writer is the runtime role, which sees its own sessions). An open
--    transaction dates its entries after it started, so any entry that commits later is dated
--    after every entry already linked: the chain never has to go back in time, and the trigger
--    on audit_seal can insist on it. A long-open transaction delays sealing by as long as it
--    stays open; it never makes an entry unsealable.
-- 4. Only the sealer, under its per-stream advisory lock, appends links, so the next sequence
--    number is always the head's plus one.
--
-- So the runtime role can no longer back-date an entry (the outside test's finding), nor slip a
-- link between existing ones. Someone who switches the triggers off (a superuser) is found by
-- `audit verify`, which checks the same order along the chain.

-- Both functions plan their queries afresh, with the trail's current size. PL/pgSQL would
-- otherwise keep one plan for the life of a connection: a plan made while the trail was nearly
-- empty may look an entry up through the wrong index, and once the trail has grown that scans a
-- whole stream for every entry (measured: minutes for a batch of 5,000 links at 20,000 entries).
create function audit_event_dated() returns trigger language plpgsql
set plan_cache_mode = force_custom_plan as $$
declare
    latest timestamptz;
begin
    if new.occurred_at is not null then
        raise exception 'an audit entry is dated by the database as it is written; the time % is refused',
            new.occurred_at using errcode = 'check_violation';
    end if;
    latest := (select max(e.occurred_at) from audit_event e where e.tenant_id = new.tenant_id);
    new.occurred_at := clock_timestamp();
    if new.occurred_at < latest then
        raise exception 'an audit entry may not be dated before an entry already in its stream'
            using errcode = 'check_violation';
    end if;
    return new;
end
$$;

create trigger audit_event_dated before insert on audit_event
    for each row execute function audit_event_dated();

-- Scalar and lateral subqueries (never EXISTS inside OR, which may be run as a hash of the whole
-- table) keep each check to a few index lookups per new link.
create function audit_seal_in_order() returns trigger language plpgsql as $$
declare
    broken boolean;
begin
    execute $q$
        select exists (
            select 1
            from (select tenant_id, min(seq) as first, max(seq) as last, count(*) as links
                  from new_links group by tenant_id) batch
            where batch.last - batch.first + 1 <> batch.links
               or (select count(*) from audit_seal s where s.tenant_id = batch.tenant_id and s.seq >= batch.first)
                  <> batch.links
               or (batch.first > 1
                   and (select s.seq from audit_seal s where s.tenant_id = batch.tenant_id and s.seq = batch.first - 1)
                       is null))$q$
        into broken;
    if broken then
        raise exception 'audit links follow the head of their chain one by one'
            using errcode = 'check_violation';
    end if;
    execute $q$
        select exists (
            select 1
            from new_links n
            left join lateral (
                select e.occurred_at from audit_event e
                where e.tenant_id = n.tenant_id and e.id = n.event_id limit 1) sealed on true
            left join lateral (
                select pe.occurred_at from audit_seal p
                join audit_event pe on pe.tenant_id = p.tenant_id and pe.id = p.event_id
                where p.tenant_id = n.tenant_id and p.seq = n.seq - 1 limit 1) earlier on true
            where sealed.occurred_at is null or sealed.occurred_at < earlier.occurred_at)$q$
        into broken;
    if broken then
        raise exception 'an audit link must seal an entry dated no earlier than the one before it'
            using errcode = 'check_violation';
    end if;
    return null;
end
$$;

create trigger audit_seal_in_order after insert on audit_seal
    referencing new table as new_links
    for each statement execute function audit_seal_in_order();

-- The sealer takes pending entries in time order now, not in the order they were appended.
drop index audit_pending_in_order;
alter table audit_pending drop column pending_no;
create index audit_event_in_order on audit_event (tenant_id, occurred_at, id);
drop index audit_event_by_time;
