-- Suspicious-activity rules (docs/monitoring.md): what a tenant admin changed of each rule's
-- defaults, and the tenant's working hours. A rule without a row runs with its defaults.

create table activity_rule_setting (
    tenant_id      uuid not null references tenant (id),
    rule           text not null,
    enabled        boolean not null,
    threshold      int check (threshold between 1 and 1000),
    window_minutes int check (window_minutes between 1 and 120),
    primary key (tenant_id, rule)
);

-- Days as ISO numbers (1 = Monday) in the tenant's time zone (the medication settings' zone).
create table working_hours (
    tenant_id uuid not null primary key references tenant (id),
    days      int[] not null,
    starts    time not null,
    ends      time not null,
    check (starts < ends)
);

alter table activity_rule_setting enable row level security;
alter table activity_rule_setting force row level security;
create policy tenant_isolation on activity_rule_setting
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

alter table working_hours enable row level security;
alter table working_hours force row level security;
create policy tenant_isolation on working_hours
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

grant select, insert, update on activity_rule_setting, working_hours to ${runtimeRole};
