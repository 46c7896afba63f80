-- Transaction ID wraparound margin, per database. XIDs are 32-bit: a database whose oldest unfrozen XID
-- (datfrozenxid) is 2^31 transactions old would see its past as the future, so PostgreSQL warns 40 million
-- XIDs before that and stops assigning XIDs 3 million before it (PostgreSQL 14+). Autovacuum starts an
-- aggressive (anti-wraparound) vacuum of a table when its age passes autovacuum_freeze_max_age; an age well
-- above that means vacuum cannot keep up or something holds it back (a long transaction, a prepared
-- transaction, a replication slot's xmin: see the other ops views). Multixact IDs wrap the same way.
-- For the database it is read in, also the table with the oldest unfrozen XID (the one to vacuum first).
create or replace view ops.xid_wraparound as
select
  d.datname as database_name,
  pg_catalog.age(d.datfrozenxid) as xid_age,
  pg_catalog.current_setting('autovacuum_freeze_max_age')::integer as autovacuum_freeze_max_age,
  2147483647 - 3000000 - pg_catalog.age(d.datfrozenxid) as xids_until_stop,
  round(100.0 * pg_catalog.age(d.datfrozenxid) / (2147483647 - 3000000), 2) as pct_towards_stop,
  pg_catalog.mxid_age(d.datminmxid) as multixact_age,
  oldest.table_name as oldest_table,
  oldest.xid_age as oldest_table_xid_age
from pg_catalog.pg_database d
left join lateral (
  select format('%I.%I', n.nspname, c.relname) as table_name, pg_catalog.age(c.relfrozenxid) as xid_age
  from pg_catalog.pg_class c
  join pg_catalog.pg_namespace n on n.oid = c.relnamespace
  where d.datname = pg_catalog.current_database()
    and c.relkind in ('r', 'm', 't')
    and c.relfrozenxid <> '0'::xid
  order by pg_catalog.age(c.relfrozenxid) desc
  limit 1
) oldest on true
where d.datallowconn
order by xid_age desc;

comment on view ops.xid_wraparound is 'XID wraparound margin per database: age of the oldest unfrozen XID, the autovacuum_freeze_max_age it is compared with, XIDs left before PostgreSQL stops assigning them (2^31 - 3 million) and the percentage used, the multixact age, and for the current database the table with the oldest unfrozen XID.';
