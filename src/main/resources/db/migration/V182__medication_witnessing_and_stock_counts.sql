-- Which doses need a witness beyond controlled drugs (which always do), and how often controlled
-- drugs' stock must be counted. Today's behaviour until the tenant chooses.
alter table medication_settings
    add column witnessed_doses text not null default 'CONTROLLED_DRUGS_ONLY'
        check (witnessed_doses in ('CONTROLLED_DRUGS_ONLY', 'CONTROLLED_DRUGS_AND_AS_NEEDED', 'EVERY_DOSE')),
    add column stock_count_days integer not null default 7 check (stock_count_days between 1 and 31);
