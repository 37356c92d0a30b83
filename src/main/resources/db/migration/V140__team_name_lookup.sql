-- A new team's name is checked against the tenant's others whatever their case. Checked as
-- lower(name) = lower(:name), the test could not use an index: row-level security only lets a
-- leakproof function of a column into an index condition, and lower() is not one, so the check
-- read every team of the tenant. The folded name is kept beside the name and indexed instead.
alter table team add column name_folded text generated always as (lower(name)) stored;
create index team_name_folded on team (tenant_id, name_folded);
