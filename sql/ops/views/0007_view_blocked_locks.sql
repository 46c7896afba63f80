-- Blocked sessions: one row per (waiting session, session blocking it), from pg_blocking_pids() (which
-- knows the lock queue, including a waiter blocked by another waiter ahead of it), with the lock waited for
-- and since when (pg_locks.waitstart), and what the blocker is doing. A blocker of pid 0 is a prepared
-- transaction (see ops.long_transactions).
create or replace view ops.blocked_locks as
select
  w.pid as blocked_pid,
  w.datname as database_name,
  w.usename as blocked_role,
  wl.locktype,
  wl.mode as waits_for_mode,
  case when wl.relation is not null then wl.relation::regclass::text end as relation,
  wl.waitstart as waiting_since,
  round(extract(epoch from pg_catalog.now() - wl.waitstart)::numeric, 1) as waiting_seconds,
  left(w.query, 1000) as blocked_query,
  blocker.pid as blocking_pid,
  b.usename as blocking_role,
  b.state as blocking_state,
  pg_catalog.now() - b.xact_start as blocking_xact_age,
  left(b.query, 1000) as blocking_query
from pg_catalog.pg_stat_activity w
cross join lateral unnest(pg_catalog.pg_blocking_pids(w.pid)) as blocker(pid)
left join pg_catalog.pg_stat_activity b on b.pid = blocker.pid
left join lateral (
  select l.locktype, l.mode, l.relation, l.waitstart
  from pg_catalog.pg_locks l
  where l.pid = w.pid and not l.granted
  limit 1
) wl on true
order by wl.waitstart nulls last, w.pid, blocker.pid;

comment on view ops.blocked_locks is 'One row per waiting session and session blocking it (pg_blocking_pids): the lock waited for (type, mode, relation), since when, both queries, and the blocker''s state and transaction age. blocking_pid 0: a prepared transaction.';
