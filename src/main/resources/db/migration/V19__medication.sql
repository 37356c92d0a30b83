-- Medication administration record. Every dose record only grows: a mistake is corrected by a new
-- record that names the one it corrects. Notes are sealed under the client's key.

create table medication_settings (
    tenant_id             uuid primary key references tenant (id),
    time_zone             text not null,
    tolerance_minutes     int not null,
    prn_effect_minutes    int not null,
    low_stock_days        int not null,
    expiry_warning_days   int not null
);

create table medicine (
    tenant_id   uuid not null references tenant (id),
    id          uuid not null,
    name        text not null,
    form        text not null,
    strength    text not null,
    route       text not null,
    controlled  boolean not null,
    cd_schedule int check (cd_schedule between 1 and 5),
    notes       text,
    created_at  timestamptz not null,
    primary key (tenant_id, id),
    unique (tenant_id, name, strength, form)
);

create table prescription (
    tenant_id                uuid not null,
    id                       uuid not null,
    client_id                uuid not null,
    medicine_id              uuid not null,
    dose                     numeric not null,
    unit                     text not null,
    route                    text not null,
    instructions             text,
    starts_on                date not null,
    ends_on                  date,
    prescriber               text not null,
    kind                     text not null check (kind in ('REGULAR', 'PRN')),
    schedule                 jsonb,
    prn_indication           text,
    prn_min_dose             numeric,
    prn_max_dose             numeric,
    prn_min_interval_minutes int,
    prn_max_doses_per_day    int,
    time_critical            boolean not null,
    tolerance_minutes        int,
    replaces                 uuid,
    stopped_at               timestamptz,
    stopped_by               uuid,
    stop_reason              text,
    created_at               timestamptz not null,
    created_by               uuid not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, client_id) references client (tenant_id, id),
    foreign key (tenant_id, medicine_id) references medicine (tenant_id, id)
);
create index prescription_by_client on prescription (tenant_id, client_id);
create index prescription_active on prescription (tenant_id) where stopped_at is null;

create table dose_record (
    tenant_id         uuid not null,
    id                uuid not null,
    client_id         uuid not null,
    prescription_id   uuid not null,
    due_at            timestamptz,
    outcome           text not null check (outcome in ('GIVEN', 'NOT_GIVEN')),
    reason            text,
    amount            numeric,
    given_at          timestamptz not null,
    note              bytea,
    witness_id        uuid,
    override_reason   text,
    corrects          uuid,
    correction_reason text,
    recorded_at       timestamptz not null,
    recorded_by       uuid not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, client_id) references client (tenant_id, id),
    foreign key (tenant_id, prescription_id) references prescription (tenant_id, id),
    foreign key (tenant_id, corrects) references dose_record (tenant_id, id)
);
-- A due dose is recorded once; corrections name the record they correct instead.
create unique index dose_recorded_once on dose_record (tenant_id, prescription_id, due_at)
    where corrects is null and due_at is not null;
create unique index dose_corrected_once on dose_record (tenant_id, corrects) where corrects is not null;
create index dose_record_by_client on dose_record (tenant_id, client_id, given_at);
create index dose_record_by_prescription on dose_record (tenant_id, prescription_id, given_at);

create table prn_effect (
    tenant_id      uuid not null,
    dose_record_id uuid not null,
    effect         text not null check (effect in ('HELPED', 'HELPED_A_LITTLE', 'DID_NOT_HELP')),
    recorded_at    timestamptz not null,
    recorded_by    uuid not null,
    primary key (tenant_id, dose_record_id),
    foreign key (tenant_id, dose_record_id) references dose_record (tenant_id, id)
);

create table missed_dose (
    tenant_id       uuid not null,
    prescription_id uuid not null,
    due_at          timestamptz not null,
    client_id       uuid not null,
    detected_at     timestamptz not null,
    primary key (tenant_id, prescription_id, due_at),
    foreign key (tenant_id, prescription_id) references prescription (tenant_id, id)
);
create index missed_dose_by_client on missed_dose (tenant_id, client_id, due_at);

create table stock_movement (
    tenant_id      uuid not null,
    id             uuid not null,
    client_id      uuid not null,
    medicine_id    uuid not null,
    kind           text not null check (kind in ('RECEIPT', 'ADMINISTRATION', 'RETURN', 'DISPOSAL', 'COUNT')),
    quantity       numeric not null,
    counted        numeric,
    batch          text,
    expires_on     date,
    reason         text,
    dose_record_id uuid,
    witness_id     uuid,
    recorded_at    timestamptz not null,
    recorded_by    uuid not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, client_id) references client (tenant_id, id),
    foreign key (tenant_id, medicine_id) references medicine (tenant_id, id)
);
create index stock_movement_by_client on stock_movement (tenant_id, client_id, medicine_id, recorded_at);

create table medication_alert (
    tenant_id       uuid not null,
    id              uuid not null,
    team_id         uuid not null,
    client_id       uuid not null,
    kind            text not null check (kind in ('MISSED_DOSE', 'STOCK_DISCREPANCY')),
    message         text not null,
    raised_at       timestamptz not null,
    acknowledged_at timestamptz,
    acknowledged_by uuid,
    primary key (tenant_id, id),
    foreign key (tenant_id, client_id) references client (tenant_id, id)
);
create index medication_alert_open on medication_alert (tenant_id, team_id) where acknowledged_at is null;

alter table medication_settings enable row level security;
alter table medication_settings force row level security;
create policy tenant_isolation on medication_settings
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
alter table medicine enable row level security;
alter table medicine force row level security;
create policy tenant_isolation on medicine
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
alter table prescription enable row level security;
alter table prescription force row level security;
create policy tenant_isolation on prescription
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
alter table dose_record enable row level security;
alter table dose_record force row level security;
create policy tenant_isolation on dose_record
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
alter table prn_effect enable row level security;
alter table prn_effect force row level security;
create policy tenant_isolation on prn_effect
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
alter table missed_dose enable row level security;
alter table missed_dose force row level security;
create policy tenant_isolation on missed_dose
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
alter table stock_movement enable row level security;
alter table stock_movement force row level security;
create policy tenant_isolation on stock_movement
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
alter table medication_alert enable row level security;
alter table medication_alert force row level security;
create policy tenant_isolation on medication_alert
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

grant select, insert, update on medication_settings, medicine, medication_alert to ${runtimeRole};
grant select, insert on dose_record, prn_effect, missed_dose, stock_movement to ${runtimeRole};
grant select, insert, update (stopped_at, stopped_by, stop_reason) on prescription to ${runtimeRole};
