-- What a carer checks on a medication round that they are with the right person: the name the client
-- likes to be called and their room or location, both sealed under the client's key like every
-- other detail about them, and a photo, sealed the same way, in a table of its own so that reading
-- a client never loads it.
alter table client add column preferred_name bytea;
alter table client add column room bytea;

create table client_photo (
    tenant_id    uuid not null,
    client_id    uuid not null,
    content_type text not null check (content_type in ('image/jpeg', 'image/png')),
    photo        bytea not null,
    changed_at   timestamptz not null,
    changed_by   uuid not null,
    primary key (tenant_id, client_id),
    foreign key (tenant_id, client_id) references client (tenant_id, id)
);

alter table client_photo enable row level security;
alter table client_photo force row level security;
create policy tenant_isolation on client_photo
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

grant select, insert, update, delete on client_photo to ${runtimeRole};
