-- Whether a client has an open episode, kept on the client row by the episode table itself, so a
-- caseload filtered to open episodes walks one partial index instead of testing each client.
alter table client add column open_episode boolean not null default false;

update client c set open_episode = exists (
    select 1 from episode e where e.tenant_id = c.tenant_id and e.client_id = c.id and e.closed_on is null);

create function client_open_episode() returns trigger language plpgsql as $$
begin
    update client set open_episode = exists (
        select 1 from episode e where e.tenant_id = new.tenant_id and e.client_id = new.client_id and e.closed_on is null)
    where tenant_id = new.tenant_id and id = new.client_id;
    return null;
end
$$;

create trigger episode_keeps_client_open_flag
    after insert or update of closed_on on episode
    for each row execute function client_open_episode();

create index client_open_newest_first on client (tenant_id, created_at desc, id) where open_episode;
