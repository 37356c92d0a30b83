-- One row that /health rewrites (at most every few seconds): a real write, so health is DOWN
-- whenever the database cannot take one (disk full, read-only after a failover, out of connections).
create table health_probe (
    id int primary key check (id = 1),
    written_at timestamptz not null
);

grant select, insert, update on health_probe to ${runtimeRole};
