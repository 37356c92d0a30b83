-- What the medication round shows to identify each person, chosen by the tenant: any of the
-- preferred name, the room or location and the photo. Preferred name and room until it chooses.
alter table medication_settings add column round_identification text not null default 'PREFERRED_NAME,ROOM'
    check (round_identification <> '');
