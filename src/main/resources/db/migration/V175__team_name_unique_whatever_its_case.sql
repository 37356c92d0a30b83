-- A team's name was unique only as written, while the service refuses a name another team has in
-- any case: two requests at once could make "North team" and "north team". The folded name is now
-- unique itself, so the database settles such a race. Names that already differ only in case get
-- a number, oldest first by id, so each stays recognisable.
with repeated as (
    select tenant_id, id, name,
           row_number() over (partition by tenant_id, name_folded order by id) as place
    from team
)
update team
set name = repeated.name || ' (' || repeated.place || ')'
from repeated
where team.tenant_id = repeated.tenant_id and team.id = repeated.id and repeated.place > 1;

drop index team_name_folded;
create unique index team_name_folded on team (tenant_id, name_folded);
alter table team drop constraint team_tenant_id_name_key;
