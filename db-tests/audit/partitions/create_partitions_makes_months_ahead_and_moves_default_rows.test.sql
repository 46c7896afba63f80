-- audit.create_partitions makes the month partitions from a given month to three months ahead, once; rows
-- that landed in the default partition before their month existed move into it; a write after that lands
-- in its month.
begin;
select plan(5);

select tests.create_tenant('alpha') as alpha \gset
select tests.create_staff_user(:'alpha', 'ann@alpha.example');
select is((select count(*)::int from audit.events_default where tenant_id = :'alpha'), 1,
  'before maintenance, the staff user''s event sits in the default partition');
select cmp_ok((select count(*)::int from audit.create_partitions()), '=', 4, 'this month and three ahead are made');
select is((select count(*)::int from audit.events_default), 0, 'no row is left in the default partition');
select is((select tableoid::regclass::text from audit.events where tenant_id = :'alpha'),
  format('audit.events_y%sm%s', to_char(now(), 'YYYY'), to_char(now(), 'MM')), 'the row moved into its month');
select is((select count(*)::int from audit.create_partitions()), 0, 'a second run makes nothing');

select * from finish();
rollback;
