-- The clear columns V24 set aside are empty now that V25 and V26 have sealed what they held; this
-- refuses rather than drop anything that is not. Row-level security binds this owner too, so each
-- tenant is looked at in turn.
do $$
declare
    each_tenant uuid;
begin
    for each_tenant in select id from tenant loop
        perform set_config('app.tenant_id', each_tenant::text, true);
        if exists (select 1 from prescription where instructions_clear is not null or prescriber_clear is not null
                     or prn_indication_clear is not null or stop_reason_clear is not null)
           or exists (select 1 from dose_record
                      where override_reason_clear is not null or correction_reason_clear is not null)
           or exists (select 1 from stock_movement where reason_clear is not null)
           or exists (select 1 from episode where referral_source_clear is not null) then
            raise exception 'free text of tenant % is still in the clear: it was not sealed', each_tenant;
        end if;
    end loop;
    perform set_config('app.tenant_id', '', true);
end
$$;

alter table prescription drop column instructions_clear, drop column prescriber_clear,
    drop column prn_indication_clear, drop column stop_reason_clear;
alter table prescription alter column prescriber set not null;
alter table dose_record drop column override_reason_clear, drop column correction_reason_clear;
alter table stock_movement drop column reason_clear;
alter table episode drop column referral_source_clear;
