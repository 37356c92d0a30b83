-- Spring Modulith's event publication registry (its v2 schema for PostgreSQL): an event between
-- modules is stored in the transaction that publishes it and removed once its listener has done
-- its work, so that a crash between the two never loses it (it is handed on again at the next
-- start). Events name clients by id only; the table holds no tenant's data for long and is on
-- RowLevelSecurityIT's reviewed list of tables outside tenants.
create table event_publication (
    id uuid primary key,
    listener_id text not null,
    event_type text not null,
    serialized_event text not null,
    publication_date timestamptz not null,
    completion_date timestamptz,
    status text,
    completion_attempts int,
    last_resubmission_date timestamptz
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);

grant select, insert, update, delete on event_publication to ${runtimeRole};
