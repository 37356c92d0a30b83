-- Free text about a client is sealed under the client's key, like notes. Each clear column is set
-- aside under the name <column>_clear and a sealed column takes its name; V25 (medication) and V26
-- (clients) seal what the clear columns hold, in Java with the client's key, and V27 drops them.

alter table prescription rename column instructions to instructions_clear;
alter table prescription rename column prescriber to prescriber_clear;
alter table prescription rename column prn_indication to prn_indication_clear;
alter table prescription rename column stop_reason to stop_reason_clear;
alter table prescription alter column prescriber_clear drop not null;
alter table prescription add column instructions bytea;
alter table prescription add column prescriber bytea;
alter table prescription add column prn_indication bytea;
alter table prescription add column stop_reason bytea;
grant update (stop_reason) on prescription to ${runtimeRole};

alter table dose_record rename column override_reason to override_reason_clear;
alter table dose_record rename column correction_reason to correction_reason_clear;
alter table dose_record add column override_reason bytea;
alter table dose_record add column correction_reason bytea;

alter table stock_movement rename column reason to reason_clear;
alter table stock_movement add column reason bytea;

alter table episode rename column referral_source to referral_source_clear;
alter table episode add column referral_source bytea;

-- The demographics typed in the user's own words; those chosen from fixed lists stay in the clear.
alter table client add column demographics_text bytea;
