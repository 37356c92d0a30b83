-- Outcome measurement. Item answers, session notes and goal wording are sealed under the client's
-- key; totals, bands and ratings are kept in the clear (with the pseudonymous client id only) so
-- caseload lists and reports can be computed in the database.

create table outcome_settings (
    tenant_id                uuid primary key references tenant (id),
    commercial               boolean not null,
    enabled_measures         text not null,
    licensed_measures        text not null,
    primary_measure          text not null,
    not_seen_warning_days    int not null,
    not_seen_alert_days      int not null,
    max_goals                int not null,
    link_validity_days       int not null,
    chart_link_validity_days int not null,
    send_before_hours        int,
    feedback_after_hours     int,
    feedback_measure         text
);

create table session_type (
    tenant_id uuid not null references tenant (id),
    code      text not null,
    name      text not null,
    measures  text not null,
    position  int not null,
    primary key (tenant_id, code)
);

-- Definitions a tenant imported (under its own licence) or built; each edit is a new version.
create table tenant_measure (
    tenant_id  uuid not null references tenant (id),
    measure_id text not null,
    version    int not null,
    definition jsonb not null,
    origin     text not null check (origin in ('IMPORTED', 'BUILT')),
    created_at timestamptz not null,
    created_by uuid not null,
    primary key (tenant_id, measure_id, version)
);

create table client_session (
    tenant_id        uuid not null,
    id               uuid not null,
    client_id        uuid not null,
    episode_id       uuid not null,
    starts_at        timestamptz not null,
    practitioner_id  uuid not null,
    session_type     text not null,
    mode             text not null check (mode in ('FACE_TO_FACE', 'TELEPHONE', 'VIDEO', 'EMAIL_OR_LINK')),
    attendance       text check (attendance in ('ATTENDED', 'DID_NOT_ATTEND', 'CANCELLED_BY_CLIENT', 'CANCELLED_BY_SERVICE')),
    planned_measures text not null,
    notes            bytea,
    created_at       timestamptz not null,
    created_by       uuid not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, client_id) references client (tenant_id, id),
    foreign key (tenant_id, episode_id) references episode (tenant_id, id)
);
create index client_session_by_client on client_session (tenant_id, client_id, starts_at);
create index client_session_by_start on client_session (tenant_id, starts_at);

create table measure_answer (
    tenant_id       uuid not null,
    id              uuid not null,
    client_id       uuid not null,
    session_id      uuid not null,
    measure_id      text not null,
    measure_version int not null,
    answers         bytea not null,
    total           numeric,
    band            text,
    is_case         boolean,
    risk            boolean not null,
    completed_by    text not null check (completed_by in ('PRACTITIONER', 'CLIENT')),
    recorded_at     timestamptz not null,
    recorded_by     uuid,
    primary key (tenant_id, id),
    unique (tenant_id, session_id, measure_id),
    foreign key (tenant_id, client_id) references client (tenant_id, id),
    foreign key (tenant_id, session_id) references client_session (tenant_id, id)
);
create index measure_answer_by_client on measure_answer (tenant_id, client_id, measure_id);

create table client_primary_measure (
    tenant_id  uuid not null,
    client_id  uuid not null,
    measure_id text not null,
    primary key (tenant_id, client_id),
    foreign key (tenant_id, client_id) references client (tenant_id, id)
);

create table client_goal (
    tenant_id  uuid not null,
    id         uuid not null,
    client_id  uuid not null,
    kind       text not null check (kind in ('GOAL', 'PROBLEM')),
    duration   text,
    opened_at  timestamptz not null,
    opened_by  uuid not null,
    closed_at  timestamptz,
    closed_by  uuid,
    primary key (tenant_id, id),
    foreign key (tenant_id, client_id) references client (tenant_id, id)
);
create index client_goal_by_client on client_goal (tenant_id, client_id);

create table client_goal_wording (
    tenant_id  uuid not null,
    id         uuid not null,
    goal_id    uuid not null,
    text       bytea not null,
    written_at timestamptz not null,
    written_by uuid not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, goal_id) references client_goal (tenant_id, id)
);
create index client_goal_wording_by_goal on client_goal_wording (tenant_id, goal_id, written_at);

create table client_goal_rating (
    tenant_id    uuid not null,
    goal_id      uuid not null,
    session_id   uuid not null,
    rating       int not null check (rating between 0 and 10),
    completed_by text not null check (completed_by in ('PRACTITIONER', 'CLIENT')),
    recorded_at  timestamptz not null,
    primary key (tenant_id, goal_id, session_id),
    foreign key (tenant_id, goal_id) references client_goal (tenant_id, id),
    foreign key (tenant_id, session_id) references client_session (tenant_id, id)
);

-- Links a client opens without an account: the token is stored only as its hash.
create table client_link (
    tenant_id   uuid not null,
    id          uuid not null,
    token_hash  text not null unique,
    kind        text not null check (kind in ('MEASURES', 'CHARTS')),
    client_id   uuid not null,
    session_id  uuid,
    measures    text not null,
    pin_hash    text,
    failed_pins int not null default 0,
    expires_at  timestamptz not null,
    used_at     timestamptz,
    revoked_at  timestamptz,
    sent_for    text check (sent_for in ('BEFORE', 'AFTER')),
    created_at  timestamptz not null,
    created_by  uuid,
    primary key (tenant_id, id),
    foreign key (tenant_id, client_id) references client (tenant_id, id),
    foreign key (tenant_id, session_id) references client_session (tenant_id, id)
);
create unique index client_link_scheduled on client_link (tenant_id, session_id, sent_for) where sent_for is not null;

alter table outcome_settings enable row level security;
alter table outcome_settings force row level security;
create policy tenant_isolation on outcome_settings
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
alter table session_type enable row level security;
alter table session_type force row level security;
create policy tenant_isolation on session_type
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
alter table tenant_measure enable row level security;
alter table tenant_measure force row level security;
create policy tenant_isolation on tenant_measure
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
alter table client_session enable row level security;
alter table client_session force row level security;
create policy tenant_isolation on client_session
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
alter table measure_answer enable row level security;
alter table measure_answer force row level security;
create policy tenant_isolation on measure_answer
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
alter table client_primary_measure enable row level security;
alter table client_primary_measure force row level security;
create policy tenant_isolation on client_primary_measure
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
alter table client_goal enable row level security;
alter table client_goal force row level security;
create policy tenant_isolation on client_goal
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
alter table client_goal_wording enable row level security;
alter table client_goal_wording force row level security;
create policy tenant_isolation on client_goal_wording
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
alter table client_goal_rating enable row level security;
alter table client_goal_rating force row level security;
create policy tenant_isolation on client_goal_rating
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
alter table client_link enable row level security;
alter table client_link force row level security;
create policy tenant_isolation on client_link
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

grant select, insert, update, delete on outcome_settings, session_type, client_primary_measure to ${runtimeRole};
grant select, insert, update on client_session, client_goal, client_link to ${runtimeRole};
grant select, insert on tenant_measure, measure_answer, client_goal_wording, client_goal_rating to ${runtimeRole};
