-- A tenant being off-boarded can be kept read-only for its notice period: its people still sign in,
-- read and take their data away, and change nothing.
alter table tenant drop constraint tenant_status_check;
alter table tenant add constraint tenant_status_check check (status in ('ACTIVE', 'READ_ONLY', 'SUSPENDED'));
