-- A tenant-key rotation in progress: set when a new key becomes primary, cleared when the old
-- keys are destroyed after every client key and tenant-level field is under the new one.
alter table tenant_data_key add column rotation_started_at timestamptz;
grant update (rotation_started_at) on tenant_data_key to ${runtimeRole};
