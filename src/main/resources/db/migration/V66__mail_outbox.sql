-- E-mail the SMTP server did not take (docs/operations.md, "E-mail"): kept and tried again,
-- waiting longer each time, until it is sent, given up or discarded by an admin. A message
-- belongs to the tenant it was sent for or, under the nil UUID, to the installation. Recipient
-- and text are sealed under the installation key: a text can carry a sign-in link.
create table mail_outbox (
    tenant_id       uuid not null,
    id              uuid not null,
    recipient       bytea not null,
    subject         text not null,
    body            bytea not null,
    attempts        int not null,
    last_outcome    text not null,
    first_tried_at  timestamptz not null,
    next_attempt_at timestamptz,
    gave_up_at      timestamptz,
    primary key (tenant_id, id),
    check ((next_attempt_at is null) <> (gave_up_at is null))
);
create index mail_outbox_due on mail_outbox (tenant_id, next_attempt_at) where next_attempt_at is not null;

alter table mail_outbox enable row level security;
alter table mail_outbox force row level security;
create policy tenant_isolation on mail_outbox
    using (tenant_id = coalesce(nullif(current_setting('app.tenant_id', true), '')::uuid, '00000000-0000-0000-0000-000000000000'))
    with check (tenant_id = coalesce(nullif(current_setting('app.tenant_id', true), '')::uuid, '00000000-0000-0000-0000-000000000000'));

grant select, insert, update, delete on mail_outbox to ${runtimeRole};
