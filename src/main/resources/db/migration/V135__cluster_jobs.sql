-- Scheduled jobs run once per cluster, however many nodes share the database (#28). A node takes a
-- job's turn here, under an advisory lock, unless another node started the job within the turn.
create table cluster_job (
    job text primary key,
    last_started timestamptz not null,
    started_by text not null,
    turns bigint not null
);

grant select, insert, update on cluster_job to ${runtimeRole};
