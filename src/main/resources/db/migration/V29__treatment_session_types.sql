-- Whether an attended session of a type is a treatment contact: NHS Talking Therapies counts them to
-- tell whether a course of treatment was finished. Types a tenant already has keep the defaults'
-- meaning by their codes; the tenant can change them.
alter table session_type add column treatment boolean not null default false;

update session_type set treatment = true where code in ('TREATMENT', 'COMPLETION');
