-- The implementation survey (docs/setup.md): the first admin's answers, kept as a draft between the
-- wizard's steps, and who last saved and applied them. The settings themselves stay in each
-- module's tables; the implementation record is drawn from these answers and the settings as they are.

create table setup_survey (
    tenant_id  uuid primary key references tenant (id),
    saved_by   uuid not null,
    saved_at   timestamptz not null,
    applied_by uuid,
    applied_at timestamptz
);

create table setup_survey_answer (
    tenant_id uuid not null references setup_survey (tenant_id) on delete cascade,
    question  text not null check (question ~ '^[a-zA-Z0-9.]{1,60}$'),
    answer    text not null check (length(answer) <= 20000),
    primary key (tenant_id, question)
);

alter table setup_survey enable row level security;
alter table setup_survey force row level security;
create policy tenant_isolation on setup_survey
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

alter table setup_survey_answer enable row level security;
alter table setup_survey_answer force row level security;
create policy tenant_isolation on setup_survey_answer
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

grant select, insert, update on setup_survey to ${runtimeRole};
grant select, insert, update, delete on setup_survey_answer to ${runtimeRole};
