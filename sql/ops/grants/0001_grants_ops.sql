-- Privileges on schema ops, in one place: the health views are for the monitoring role only. They show
-- every session's query text and statement statistics (through b2b_monitor's pg_monitor membership), so
-- neither the application nor the read-only or analytics roles may read them. Revoke first so a removed
-- grant is really gone.
revoke all on schema ops from public, b2b_app, b2b_readonly, b2b_analytics, b2b_monitor;
revoke all on all tables in schema ops from public, b2b_app, b2b_readonly, b2b_analytics, b2b_monitor;
revoke all on all functions in schema ops from public, b2b_app, b2b_readonly, b2b_analytics, b2b_monitor;

grant usage on schema ops to b2b_monitor;
grant select on ops.slow_queries, ops.table_sizes, ops.index_usage, ops.duplicate_indexes, ops.table_bloat,
  ops.long_transactions, ops.blocked_locks, ops.replication_lag, ops.xid_wraparound
  to b2b_monitor;
-- ops.table_bloat calls it as the reading role (a view checks function privileges as its reader).
grant execute on function ops.table_bloat_estimate() to b2b_monitor;
