-- Self-monitoring (docs/monitoring.md): the integrity checks' results, the baselines they compare
-- against, alerts and their webhook deliveries. Alerts and webhooks belong to a tenant or, under
-- the nil UUID, to the installation (the operators), like the audit trail's streams.

-- Installation-level: what each check found, every run. Never client data.
create table monitoring_check_result (
    id         uuid not null primary key,
    check_name text not null,
    status     text not null check (status in ('OK', 'FINDING', 'NOT_AVAILABLE')),
    summary    text not null,
    checked_at timestamptz not null
);
create index monitoring_check_result_latest on monitoring_check_result (check_name, checked_at desc);

-- What a check compares against: the schema as the migrations left it, the installed files as
-- an operator accepted them, how far the audit trail was verified. One row per kind and key.
create table monitoring_baseline (
    kind        text not null,
    key         text not null,
    value       text not null,
    recorded_at timestamptz not null,
    primary key (kind, key)
);

create table monitoring_alert (
    tenant_id       uuid not null,
    id              uuid not null,
    rule            text not null,
    subject         text not null,
    window_start    timestamptz not null,
    what            text not null,
    who             text,
    happened_at     timestamptz not null,
    audit_entries   uuid[] not null default '{}',
    acknowledged_at timestamptz,
    acknowledged_by text,
    acknowledgement text,
    primary key (tenant_id, id),
    unique (tenant_id, rule, subject, window_start)
);
create index monitoring_alert_newest on monitoring_alert (tenant_id, happened_at desc);

create table monitoring_webhook (
    tenant_id  uuid not null,
    id         uuid not null,
    url        text not null,
    secret     bytea not null,
    created_at timestamptz not null,
    removed_at timestamptz,
    primary key (tenant_id, id)
);

create table monitoring_webhook_delivery (
    tenant_id       uuid not null,
    id              uuid not null,
    webhook_id      uuid not null,
    alert_id        uuid not null,
    body            text not null,
    attempts        int not null default 0,
    next_attempt_at timestamptz,
    delivered_at    timestamptz,
    last_outcome    text,
    created_at      timestamptz not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, webhook_id) references monitoring_webhook (tenant_id, id),
    foreign key (tenant_id, alert_id) references monitoring_alert (tenant_id, id)
);
create index monitoring_webhook_delivery_due on monitoring_webhook_delivery (tenant_id, next_attempt_at)
    where next_attempt_at is not null;

alter table monitoring_alert enable row level security;
alter table monitoring_alert force row level security;
create policy tenant_isolation on monitoring_alert
    using (tenant_id = coalesce(nullif(current_setting('app.tenant_id', true), '')::uuid, '00000000-0000-0000-0000-000000000000'))
    with check (tenant_id = coalesce(nullif(current_setting('app.tenant_id', true), '')::uuid, '00000000-0000-0000-0000-000000000000'));

alter table monitoring_webhook enable row level security;
alter table monitoring_webhook force row level security;
create policy tenant_isolation on monitoring_webhook
    using (tenant_id = coalesce(nullif(current_setting('app.tenant_id', true), '')::uuid, '00000000-0000-0000-0000-000000000000'))
    with check (tenant_id = coalesce(nullif(current_setting('app.tenant_id', true), '')::uuid, '00000000-0000-0000-0000-000000000000'));

alter table monitoring_webhook_delivery enable row level security;
alter table monitoring_webhook_delivery force row level security;
create policy tenant_isolation on monitoring_webhook_delivery
    using (tenant_id = coalesce(nullif(current_setting('app.tenant_id', true), '')::uuid, '00000000-0000-0000-0000-000000000000'))
    with check (tenant_id = coalesce(nullif(current_setting('app.tenant_id', true), '')::uuid, '00000000-0000-0000-0000-000000000000'));

grant select, insert on monitoring_check_result to ${runtimeRole};
grant select, insert, update, delete on monitoring_baseline to ${runtimeRole};
grant select, insert, update on monitoring_alert, monitoring_webhook, monitoring_webhook_delivery to ${runtimeRole};
