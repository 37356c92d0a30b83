-- "Who accessed this record": a client's entries are found by target without scanning the trail.
create index audit_event_by_target on audit_event (tenant_id, target, occurred_at desc) where target is not null;
