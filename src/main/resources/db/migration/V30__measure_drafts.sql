-- A questionnaire partly answered at a session, kept until it is finished: the answers sealed under
-- the client's key like a recorded answer's, one draft per session and measure.
create table measure_draft (
    tenant_id  uuid not null,
    session_id uuid not null,
    measure_id text not null,
    client_id  uuid not null,
    answers    bytea not null,
    saved_at   timestamptz not null,
    saved_by   uuid not null,
    primary key (tenant_id, session_id, measure_id),
    foreign key (tenant_id, client_id) references client (tenant_id, id),
    foreign key (tenant_id, session_id) references client_session (tenant_id, id)
);

alter table measure_draft enable row level security;
alter table measure_draft force row level security;
create policy tenant_isolation on measure_draft
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

grant select, insert, update, delete on measure_draft to ${runtimeRole};
