-- Accounts nobody has used for this many days are disabled by a daily job (docs/identity.md,
-- "Staff accounts over time"); 0 means never. Existing tenants get the default of 90 days.
alter table security_policy add column disable_unused_after_days int not null default 90
    check (disable_unused_after_days = 0 or disable_unused_after_days between 30 and 3650);

-- When an admin last enabled the account: enabling one counts as using it, or the job would
-- disable it again the next day.
alter table user_account add column enabled_at timestamptz;
