-- Replication lag, on whichever server it is read:
--   standby        on a primary, one row per connected standby (pg_stat_replication): bytes of WAL it has
--                  not replayed yet, and the write/flush/replay lags the standby reported (the time a
--                  commit took to reach each stage there; null while it is idle and caught up).
--   slot           each replication slot: WAL it keeps on this server's disk (a slot nobody reads keeps WAL
--                  without bound, and an inactive physical slot with xmin holds back vacuum).
--   this standby   on a standby, itself: WAL received and not yet replayed, and how old the last replayed
--                  transaction is (grows while the primary is idle: compare with the primary's activity).
-- No rows on a server that neither has standbys nor slots nor is one.
create or replace view ops.replication_lag as
with here as (
  select case when pg_catalog.pg_is_in_recovery() then pg_catalog.pg_last_wal_replay_lsn()
    else pg_catalog.pg_current_wal_lsn() end as lsn
)
select
  'standby'::text as kind,
  r.application_name as name,
  r.client_addr,
  r.state,
  r.sync_state,
  pg_catalog.pg_wal_lsn_diff(here.lsn, r.replay_lsn)::bigint as lag_bytes,
  r.write_lag,
  r.flush_lag,
  r.replay_lag
from pg_catalog.pg_stat_replication r, here
union all
select
  'slot',
  s.slot_name::text,
  null,
  case when s.active then 'active' else 'inactive' end,
  s.slot_type,
  pg_catalog.pg_wal_lsn_diff(here.lsn, s.restart_lsn)::bigint,
  null,
  null,
  null
from pg_catalog.pg_replication_slots s, here
union all
select
  'this standby',
  pg_catalog.current_setting('cluster_name'),
  null,
  'in recovery',
  null,
  pg_catalog.pg_wal_lsn_diff(pg_catalog.pg_last_wal_receive_lsn(), pg_catalog.pg_last_wal_replay_lsn())::bigint,
  null,
  null,
  pg_catalog.now() - pg_catalog.pg_last_xact_replay_timestamp()
where pg_catalog.pg_is_in_recovery();

comment on view ops.replication_lag is 'Replication lag: per standby (on a primary: WAL bytes not replayed, write/flush/replay lag), per replication slot (WAL it retains), and on a standby itself (WAL received not replayed, age of the last replayed transaction). Empty on a lone primary without slots.';
