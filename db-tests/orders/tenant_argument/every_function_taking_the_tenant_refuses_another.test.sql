-- The tenant as a value (issue 10, kind 2): every orders function b2b_app may call takes the tenant first
-- (p_tenant_id uuid: the distribution argument on Citus), except the few that read no table; and every
-- one that takes it refuses a tenant other than the transaction's (B2002) and a call with no tenant set
-- (B2001), before it reads anything. Generated from the catalog, so a function added later is covered.
-- As the application role.
begin;

create temp table fns on commit drop as
select p.oid::regprocedure as fn, p.proname::text as name,
  (select string_agg(case when i = 1 then '%L::uuid' else format('null::%s', format_type(t, null)) end, ', ' order by i)
   from unnest(p.proargtypes::oid[]) with ordinality as a(t, i)) as args
from pg_proc p
where p.pronamespace = 'orders'::regnamespace
  and p.prokind = 'f'
  and (p.proargnames)[1] = 'p_tenant_id' and p.proargtypes[0] = 'uuid'::regtype;
grant select on fns to b2b_app;

select plan(3 + 2 * (select count(*)::int from fns));

select cmp_ok((select count(*)::int from fns), '>=', 39, 'the orders functions take the tenant (39 when this test was written)');

select is_empty($$
  select p.oid::regprocedure::text
  from pg_proc p
  where p.pronamespace = 'orders'::regnamespace
    and p.prokind = 'f'
    and p.prorettype <> 'trigger'::regtype
    and has_function_privilege('b2b_app', p.oid, 'execute')
    and (p.proargnames)[1] is distinct from 'p_tenant_id'
    -- they read no table: a JSON shape, a digest, the deferred checks of the transaction
    and p.proname not in ('parse_order_lines', 'request_fingerprint', 'run_deferred_checks')
$$, 'every orders function b2b_app may call, but three that read no table, takes p_tenant_id first');

select tests.create_tenant('alpha') as alpha \gset
select tests.create_tenant('beta') as beta \gset
select is((select count(*)::int from fns where name in ('place_order', 'create_draft', 'update_draft', 'submit_order',
    'cancel_order', 'fulfil_order', 'complete_order', 'approve_order', 'reject_order', 'issue_invoice', 'record_payment',
    'request_quote', 'stage_quote', 'accept_quote', 'decline_quote', 'withdraw_quote', 'expire_quotes', 'request_return',
    'receive_return', 'cancel_return', 'reconcile_stock', 'open_balance')), 22,
  'the entry points named by issue 10 are among them');

select tests.act_as(:'alpha');
select throws_ok(format('select %s(%s)', f.fn::regproc, format(f.args, :'beta')), 'B2002',
    'the tenant argument is not the transaction''s tenant',
    format('%s refuses another tenant', f.fn))
from fns f order by f.fn::text;

select tests.act_as(null);
select throws_ok(format('select %s(%s)', f.fn::regproc, format(f.args, :'beta')), 'B2001', null,
    format('%s refuses a call with no tenant set', f.fn))
from fns f order by f.fn::text;

select * from finish();
rollback;
