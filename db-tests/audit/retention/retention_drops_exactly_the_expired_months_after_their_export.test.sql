-- Retention by month: audit.expired_partitions lists exactly the months whose end lies before now minus the
-- longest retention of the tables with events in them (audit.retention_policy); a month is dropped only
-- after its export was recorded with the partition's row count (a failed or short export drops nothing);
-- the chain still verifies once a sealed month is retired. The export itself (streamed COPY, gzip, sha256,
-- read back) is scripts/lib/audit/retention.ts, tested in packages/audit/src/retention.test.ts.
begin;
select plan(11);

select tests.create_tenant('alpha') as alpha \gset
select count(*) > 0 as made from audit.create_partitions(0, date '2024-01-01') \gset
-- a staff user's event in January 2024 (kept 2 years), an order's in February 2024 (kept 10 years)
insert into audit.events (tenant_id, table_name, row_key, operation, new_values, actor_role, source, application_name, txid, occurred_at)
values (:'alpha', 'tenancy.staff_users', '{}', 'insert', '{}', 'b2b_app', 'application', 'storefront', 3, '2024-01-15'),
       (:'alpha', 'tenancy.staff_users', '{}', 'insert', '{}', 'b2b_app', 'application', 'storefront', 3, '2024-01-16'),
       (:'alpha', 'orders.orders', '{}', 'insert', '{}', 'b2b_app', 'application', 'storefront', 3, '2024-02-15');
select audit.seal(:'alpha');

select results_eq(
  $$select partition_name from audit.expired_partitions() order by range_from$$,
  $$select format('audit.events_y%sm%s', to_char(m, 'YYYY'), to_char(m, 'MM'))
      from generate_series(timestamptz '2024-01-01', now(), interval '1 month') m
     where m + interval '1 month' <= now() - interval '2 years' and m <> '2024-02-01'
     order by m$$,
  'exactly the months past the longest retention of their tables are expired (February 2024 holds an order: 10 years)');
select is((select keep from audit.expired_partitions() where partition_name = 'audit.events_y2024m01'), interval '2 years',
  'January 2024 is kept two years (staff users: the default)');

select throws_ok($$select audit.drop_exported('audit.events_y2024m01')$$, 'B4005', null,
  'a month without a recorded export is not dropped');
select throws_ok($$select audit.record_export('audit.events_y2024m01', '/tmp/x.gz', 2, repeat('a', 64))$$, 'B4003', null,
  'an export is recorded only for a month retention detached');
select lives_ok($$select audit.detach_partition('audit.events_y2024m01')$$, 'retention detaches the month');
select is((select count(*)::int from audit.events where occurred_at < '2024-02-01'), 0, 'its rows leave the trail at once');
select throws_ok($$select audit.record_export('audit.events_y2024m01', '/tmp/x.gz', 1, repeat('a', 64))$$, 'B4004', null,
  'a short export is refused');
select throws_ok($$select audit.drop_exported('audit.events_y2024m01')$$, 'B4005', null,
  'after a failed export, nothing is dropped');
select audit.record_export('audit.events_y2024m01', '/tmp/x.gz', 2, repeat('a', 64));
select audit.drop_exported('audit.events_y2024m01');
select is(to_regclass('audit.events_y2024m01'), null, 'after the recorded export the month is dropped');
select is((select state || ' ' || export_rows from audit.retired_partitions where partition_name = 'audit.events_y2024m01'),
  'dropped 2', 'the retirement is recorded with its export');
select is_empty(format($$select * from audit.verify(%L)$$, :'alpha'), 'seals of a retired month are not reported as removed');

select * from finish();
rollback;
