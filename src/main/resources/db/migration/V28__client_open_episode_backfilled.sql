-- V21 backfilled client.open_episode as the owner with no tenant set; row-level security binds the
-- owner too, so it updated no row, and clients with an episode open before V21 were shown as
-- having none. Each tenant is set in turn and its clients' flags made right.
do $$
declare
    each_tenant uuid;
begin
    for each_tenant in select id from tenant loop
        perform set_config('app.tenant_id', each_tenant::text, true);
        update client c set open_episode = exists (
            select 1 from episode e where e.tenant_id = c.tenant_id and e.client_id = c.id and e.closed_on is null)
        where c.tenant_id = each_tenant;
    end loop;
    perform set_config('app.tenant_id', '', true);
end
$$;
