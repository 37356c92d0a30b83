-- The PCL-5 total at or above which a client is a probable case of PTSD: each service chooses within
-- the National Center for PTSD's published 31 to 33, and keeps the 33 it had until it does.
alter table outcome_settings add column pcl5_cut_off int not null default 33
    check (pcl5_cut_off between 31 and 33);
