-- The teams a measure the service uses is switched off for. A measure with no row is on for every
-- team, so every tenant, old or new, keeps each of its measures for all its teams until an admin
-- switches one off for a team. Scores already recorded stay where they are and stay visible.
create table measure_off_for_team (
    tenant_id uuid not null references tenant (id),
    measure   text not null,
    team_id   uuid not null,
    primary key (tenant_id, measure, team_id),
    foreign key (tenant_id, team_id) references team (tenant_id, id)
);

alter table measure_off_for_team enable row level security;
alter table measure_off_for_team force row level security;
create policy tenant_isolation on measure_off_for_team
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

grant select, insert, delete on measure_off_for_team to ${runtimeRole};
