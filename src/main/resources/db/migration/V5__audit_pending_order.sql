-- The sealer takes pending events in the order they were appended, through an index, instead of
-- sorting everything pending by time on every batch.
alter table audit_pending add column pending_no bigint generated always as identity;
create index audit_pending_in_order on audit_pending (tenant_id, pending_no);
