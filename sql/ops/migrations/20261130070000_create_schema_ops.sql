-- Up Migration
-- Schema ops: health views for operators (pnpm db:health), one view per section, readable by the
-- monitoring role b2b_monitor only (sql/ops/grants). The views themselves are repeatables (sql/ops/views).
create schema ops;
comment on schema ops is 'Health views for operators: slow queries, sizes, index usage, bloat, long transactions, blocked locks, replication lag, wraparound margin. Readable by b2b_monitor only; printed by pnpm db:health.';

-- Down Migration
drop schema ops cascade;
