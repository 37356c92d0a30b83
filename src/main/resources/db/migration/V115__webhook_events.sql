-- Webhooks for product events as well as alerts (#26). A webhook now chooses the kinds of event
-- it receives; every webhook there was received alerts, so it keeps exactly that. A delivery
-- names its event (type and id); only alert deliveries still point at an alert.
alter table monitoring_webhook add column events text[] not null default '{alert.raised}';
alter table monitoring_webhook alter column events drop default;

alter table monitoring_webhook_delivery add column event_type text not null default 'alert.raised';
alter table monitoring_webhook_delivery alter column event_type drop default;
alter table monitoring_webhook_delivery add column event_id uuid;
update monitoring_webhook_delivery set event_id = alert_id;
alter table monitoring_webhook_delivery alter column event_id set not null;
alter table monitoring_webhook_delivery alter column alert_id drop not null;
