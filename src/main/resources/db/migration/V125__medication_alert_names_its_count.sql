-- A stock discrepancy alert names the count that raised it, so that the discrepancies report can
-- say whether a manager acknowledged it. Alerts raised before this name the client's last count
-- recorded at or before the alert.
alter table medication_alert add column count_id uuid;

update medication_alert a set count_id = (
    select m.id from stock_movement m
    where m.tenant_id = a.tenant_id and m.client_id = a.client_id and m.kind = 'COUNT'
      and m.recorded_at <= a.raised_at
    order by m.recorded_at desc, m.id desc limit 1)
where a.kind = 'STOCK_DISCREPANCY';

create index medication_alert_by_count on medication_alert (tenant_id, count_id) where count_id is not null;
