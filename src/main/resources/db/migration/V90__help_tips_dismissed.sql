-- First-time tips in the help (docs/help.md): which tips each user has dismissed. A tip without a
-- row is shown on its page.

create table help_tip_dismissed (
    tenant_id    uuid not null,
    user_id      uuid not null,
    tip          text not null check (tip ~ '^[a-z0-9-]{1,80}$'),
    dismissed_at timestamptz not null,
    primary key (tenant_id, user_id, tip),
    foreign key (tenant_id, user_id) references user_account (tenant_id, id) on delete cascade
);

alter table help_tip_dismissed enable row level security;
alter table help_tip_dismissed force row level security;
create policy tenant_isolation on help_tip_dismissed
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

grant select, insert on help_tip_dismissed to ${runtimeRole};
