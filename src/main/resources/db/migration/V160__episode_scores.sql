-- Each measure's first and latest score in each episode, kept with the answers in the same
-- transaction, so the progress caseload reads one row per measure instead of every answer. Answers
-- are ordered by their session's start, then when they were recorded, then by id (the tie-break of
-- two answers recorded at the same instant); the keys of the first and the latest are kept so a new
-- answer, even at a back-dated session, is placed without reading the others.
create table episode_scores (
    tenant_id          uuid not null,
    episode_id         uuid not null,
    measure_id         text not null,
    client_id          uuid not null,
    scored             int not null,
    first_total        numeric,
    first_starts_at    timestamptz,
    first_recorded_at  timestamptz,
    first_answer_id    uuid,
    latest_total       numeric,
    latest_band        text,
    latest_starts_at   timestamptz,
    latest_recorded_at timestamptz,
    latest_answer_id   uuid,
    risk               boolean not null,
    primary key (tenant_id, episode_id, measure_id),
    foreign key (tenant_id, episode_id) references episode (tenant_id, id),
    foreign key (tenant_id, client_id) references client (tenant_id, id)
);

alter table episode_scores enable row level security;
alter table episode_scores force row level security;
create policy tenant_isolation on episode_scores
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

-- Back-filled tenant by tenant: row-level security binds the owner too (see V28).
do $$
declare
    each_tenant uuid;
begin
    for each_tenant in select id from tenant loop
        perform set_config('app.tenant_id', each_tenant::text, true);
        insert into episode_scores (tenant_id, episode_id, measure_id, client_id, scored,
            first_total, first_starts_at, first_recorded_at, first_answer_id,
            latest_total, latest_band, latest_starts_at, latest_recorded_at, latest_answer_id, risk)
        select s.tenant_id, s.episode_id, a.measure_id, s.client_id, count(a.total),
            (array_agg(a.total order by s.starts_at, a.recorded_at, a.id) filter (where a.total is not null))[1],
            (array_agg(s.starts_at order by s.starts_at, a.recorded_at, a.id) filter (where a.total is not null))[1],
            (array_agg(a.recorded_at order by s.starts_at, a.recorded_at, a.id) filter (where a.total is not null))[1],
            (array_agg(a.id order by s.starts_at, a.recorded_at, a.id) filter (where a.total is not null))[1],
            (array_agg(a.total order by s.starts_at desc, a.recorded_at desc, a.id desc) filter (where a.total is not null))[1],
            (array_agg(a.band order by s.starts_at desc, a.recorded_at desc, a.id desc) filter (where a.total is not null))[1],
            (array_agg(s.starts_at order by s.starts_at desc, a.recorded_at desc, a.id desc) filter (where a.total is not null))[1],
            (array_agg(a.recorded_at order by s.starts_at desc, a.recorded_at desc, a.id desc) filter (where a.total is not null))[1],
            (array_agg(a.id order by s.starts_at desc, a.recorded_at desc, a.id desc) filter (where a.total is not null))[1],
            bool_or(a.risk)
        from measure_answer a join client_session s on s.tenant_id = a.tenant_id and s.id = a.session_id
        where s.tenant_id = each_tenant
        group by s.tenant_id, s.episode_id, s.client_id, a.measure_id;
    end loop;
    perform set_config('app.tenant_id', '', true);
end
$$;

grant select, insert, update on episode_scores to ${runtimeRole};
