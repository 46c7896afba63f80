-- Open transactions, oldest first: a long one holds back vacuum (its snapshot keeps dead rows alive, see
-- xmin_age) and often holds locks others wait for. Also prepared (two-phase) transactions, which hold both
-- without any session (pid null). The reading session itself is left out.
create or replace view ops.long_transactions as
select
  a.pid,
  a.datname as database_name,
  a.usename as role_name,
  a.application_name,
  a.client_addr,
  a.state,
  a.xact_start,
  pg_catalog.now() - a.xact_start as xact_age,
  round(extract(epoch from pg_catalog.now() - a.xact_start)::numeric, 1) as xact_seconds,
  case when a.state = 'active' then pg_catalog.now() - a.query_start end as query_age,
  a.wait_event_type,
  a.wait_event,
  pg_catalog.age(a.backend_xmin) as xmin_age,
  left(a.query, 1000) as query
from pg_catalog.pg_stat_activity a
where a.xact_start is not null
  and a.pid <> pg_catalog.pg_backend_pid()
union all
select
  null,
  p.database,
  p.owner,
  null,
  null,
  'prepared',
  p.prepared,
  pg_catalog.now() - p.prepared,
  round(extract(epoch from pg_catalog.now() - p.prepared)::numeric, 1),
  null,
  null,
  null,
  pg_catalog.age(p.transaction),
  'prepared transaction ' || p.gid
from pg_catalog.pg_prepared_xacts p
order by xact_start;

comment on view ops.long_transactions is 'Open transactions (and prepared transactions, pid null), oldest first: who, where from, state, age, the current query''s age, what it waits on, and the age of the snapshot it holds (xmin_age: how far it holds back vacuum). The reading session is left out.';
