-- Caseloads list clients newest first across all of a manager's teams: walk this index and stop
-- at the page instead of sorting every client in reach.
create index client_newest_first on client (tenant_id, created_at desc, id);
