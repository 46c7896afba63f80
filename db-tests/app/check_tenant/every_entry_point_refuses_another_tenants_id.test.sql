-- Every function b2b_app may call whose first argument is p_tenant_id (the routing argument on Citus)
-- refuses another tenant's id before it reads or writes anything (B2002), and a missing tenant context
-- (B2001): enumerated from the catalog, so a function added later is covered. Called as b2b_app acting
-- for alpha with beta's id, every other argument null.
begin;

create temporary table entry_points on commit drop as
select p.oid::regprocedure::text as name,
  format('select %s(%s)', p.oid::regproc,
    (select string_agg(case when a.n = 1 then '$1' else format('null::%s', format_type(a.t, null)) end, ', ' order by a.n)
     from unnest(p.proargtypes::oid[]) with ordinality a(t, n))) as call
from pg_proc p
join tests.linted_schemas s on s.oid = p.pronamespace
where p.proargnames[1] = 'p_tenant_id' and p.proargtypes[0] = 'uuid'::regtype
  and p.prokind = 'f'
  and p.oid <> 'app.check_tenant(uuid)'::regprocedure
  and has_function_privilege('b2b_app', p.oid, 'execute');
grant select on entry_points to b2b_app;

select plan(1 + 2 * (select count(*)::int from entry_points));

select tests.create_tenant('alpha') as alpha \gset
select tests.create_tenant('beta') as beta \gset

select cmp_ok((select count(*)::int from entry_points), '>=', 9,
  'the entry points with a tenant argument are found (acting_buyer, product_page, sync_stock_levels, ...)');

select tests.act_as(:'alpha');
select throws_ok(replace(e.call, '$1', quote_literal(:'beta') || '::uuid'), 'B2002', null,
  e.name || ' refuses another tenant''s id')
from entry_points e order by e.name;

select tests.clear_actor();
select set_config('role', 'b2b_app', true);
select throws_ok(replace(e.call, '$1', quote_literal(:'alpha') || '::uuid'), 'B2001', null,
  e.name || ' refuses a call without a tenant context')
from entry_points e order by e.name;

select * from finish();
rollback;
