-- What a tenant's closure has done so far, kept apart from the tenant's rows, which the closure
-- removes (the request among them): a closure stopped part-way is carried on by running it again,
-- and its certificate still says who asked, when it closed, the audit trail's last checkpoint and
-- what was removed. Like tenant, it is the installation's: it names no tenant_id, so that
-- close_tenant_rows leaves it.
create table tenant_closure (
    closed_tenant             uuid not null primary key references tenant (id),
    requested_by              text not null,
    requested_at              timestamptz not null,
    archive_produced_at       timestamptz not null,
    closed_at                 timestamptz not null,
    zone                      text not null,
    last_checkpoint_seq       bigint,
    last_checkpoint_hash      text,
    last_checkpoint_signed_at timestamptz,
    rows_removed              jsonb,
    audit_entries_removed     bigint
);

grant select, insert, update on tenant_closure to ${runtimeRole};
