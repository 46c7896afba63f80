-- "History of one row" as the application: under row-level security a condition reaches an index only
-- when its operator is leakproof. jsonb = jsonb (jsonb_eq) is marked so by sql/bootstrap/after_migrate;
-- without it the row key was a Filter over every event of the table for the tenant (12 s among 10 million
-- events, docs/benchmarks.md). The statement is @b2b/audit's RowHistory (packages/audit/queries/history.sql).
begin;
select plan(2);

select tests.create_tenant('alpha') as alpha \gset
select tests.act_as(:'alpha');
select tests.create_staff_user(:'alpha', 'ann@alpha.example') as ann \gset
select tests.clear_actor();

select tests.act_as(:'alpha');
set local enable_seqscan = off;
select tests.plan_of(format($$select e.event_id from audit.events e
  where e.tenant_id = %L and e.table_name = 'tenancy.staff_users'
    and e.row_key = %L::jsonb
  order by e.occurred_at desc, e.event_id desc limit 20$$, :'alpha'::text, jsonb_build_object('staff_user_id', :'ann'::uuid)::text)) as plan \gset
select matches(:'plan'::text, 'Index Cond: [^\n]*row_key = ',
  'the row key is an index condition of the history lookup as b2b_app');
select doesnt_match(:'plan'::text, 'Filter: [^\n]*row_key',
  'the row key is not a filter applied after reading every event of the table');
select tests.clear_actor();

select * from finish();
rollback;
