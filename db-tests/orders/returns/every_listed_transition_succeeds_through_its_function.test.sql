-- The return state machine (orders.return_transitions), end to end through the public functions, like the
-- order one (db-tests/orders/state_machine/every_listed_transition_succeeds_through_its_function.test.sql):
-- every listed move is made by a function and reaches its target with the right side effects (a receipt
-- restocks and credits, a cancellation neither); every other move a function is asked to make is refused
-- with exactly B3001 (a second receipt never restocks or credits twice). Cases generated from the tables.
-- As b2b_app.
begin;
select plan(6);

select tests.create_tenant('alpha') as alpha \gset
select * from tests.create_order_world(:'alpha', stock => 100) \gset

create temporary table w as
select :'company'::uuid as company, :'buyer'::uuid as buyer, :'variant'::uuid as variant, :'warehouse'::uuid as warehouse;

-- The operations: statements run on a return (%1$L: its id) and the state they lead to.
create temporary table ops (op text primary key, target text not null, calls text[] not null);
insert into ops values
  ('receive_return', 'received', array['select orders.receive_return(app.current_tenant_id(), %1$L, (select warehouse from w))']),
  ('cancel_return', 'cancelled', array['select orders.cancel_return(app.current_tenant_id(), %1$L)']);

create function pg_temp.performs(p_from text, p_op ops) returns boolean language sql stable as $$
  select exists (select from orders.return_transitions t where t.from_state = p_from and t.to_state = p_op.target)
$$;

create temporary table paths (state text primary key, ops text[] not null);
insert into paths values ('requested', '{}');
select tests.fill_transition_paths();

create function pg_temp.observe(p_return uuid) returns jsonb language sql stable as $$
  select jsonb_build_object(
    'state', r.state,
    'received', r.received_at is not null,
    'units', (select sum(l.quantity) from orders.return_lines l where l.return_id = r.return_id),
    'on_hand', (select sum(s.on_hand) from catalog.stock_levels s where s.variant_id = (select variant from w)),
    'reserved', (select sum(s.reserved) from catalog.stock_levels s where s.variant_id = (select variant from w)),
    'credited', (select coalesce(sum(e.amount), 0) from orders.receivable_entries e
      where e.return_id = r.return_id and e.kind = 'credit_note'),
    'value', (select sum(l.quantity * ol.unit_price) from orders.return_lines l
      join orders.order_lines ol on ol.order_id = l.order_id and ol.variant_id = l.variant_id where l.return_id = r.return_id))
  from orders.returns r where r.return_id = p_return
$$;

-- a receipt restocks the units and credits their value; any other move does neither
create function pg_temp.effects(p_from text, p_op ops, b jsonb, a jsonb) returns text language sql stable as $$
  select string_agg(problem, '; ')
  from (values
    ((a ->> 'state') = p_op.target, 'state is ' || (a ->> 'state')),
    ((a ->> 'received')::boolean = (p_op.target = 'received'), 'received is ' || (a ->> 'received')),
    ((a ->> 'on_hand')::numeric - (b ->> 'on_hand')::numeric
      = case when p_op.target = 'received' then (a ->> 'units')::numeric else 0 end, 'on hand moved by '
      || ((a ->> 'on_hand')::numeric - (b ->> 'on_hand')::numeric)),
    ((a ->> 'reserved') = (b ->> 'reserved'), 'reserved moved'),
    ((a ->> 'credited')::numeric - (b ->> 'credited')::numeric
      = case when p_op.target = 'received' then (a ->> 'value')::numeric else 0 end, 'credited '
      || ((a ->> 'credited')::numeric - (b ->> 'credited')::numeric))
  ) as c(ok, problem)
  where not coalesce(ok, false)
$$;

create function pg_temp.run_case(p_state text, p_op text) returns text language plpgsql as $$
declare
  o uuid;
  r uuid;
  step text;
  statement text;
  op ops;
  before jsonb;
  after jsonb;
  outcome text;
begin
  select * into op from ops where ops.op = p_op;
  begin
    -- 5 units placed and shipped, 2 of them asked back
    o := (orders.place_order(app.current_tenant_id(), p_company_id => (select company from w), p_buyer_id => (select buyer from w),
      p_currency => 'EUR', p_lines => tests.lines((select variant from w), 5),
      p_idempotency_key => gen_random_uuid()::text)).order_id;
    perform orders.fulfil_order(app.current_tenant_id(), o);
    r := (orders.request_return(app.current_tenant_id(), p_order_id => o, p_buyer_id => (select buyer from w),
      p_lines => tests.lines((select variant from w), 2))).return_id;
    foreach step in array (select ops from paths where state = p_state) loop
      foreach statement in array (select calls from ops where ops.op = step) loop
        execute format(statement, r);
      end loop;
    end loop;
    if (select state from orders.returns where return_id = r) <> p_state then
      raise exception using errcode = 'U0001', message = 'could not build a return in ' || p_state;
    end if;
    before := pg_temp.observe(r);
    begin
      foreach statement in array op.calls loop
        execute format(statement, r);
      end loop;
      after := pg_temp.observe(r);
      outcome := case
        when (after ->> 'state') = p_state and p_state <> op.target then 'unchanged'
        else coalesce('wrong side effects: ' || pg_temp.effects(p_state, op, before, after),
          case when p_state = op.target then 'stayed' else 'reached' end) end;
    exception when others then
      outcome := 'error ' || sqlstate;
    end;
    raise exception using errcode = 'U0001', message = outcome;
  exception when sqlstate 'U0001' then
    return sqlerrm;
  end;
end
$$;

create temporary table outcomes (state text, op text, expected text, actual text);
grant select on w, ops, paths to b2b_app;
grant select, insert on outcomes to b2b_app;
select tests.act_as(:'alpha', :'buyer');

insert into outcomes
select s.state, o.op,
  case when pg_temp.performs(s.state, o) then 'reached' else 'error B3001' end,
  pg_temp.run_case(s.state, o.op)
from orders.return_states s cross join ops o;

select is((select array_agg(s.state order by s.state) from orders.return_states s where s.state not in (select state from paths)),
  null, 'a return in every state is built through the functions, along listed moves');
select is((select array_agg(t.from_state || ' > ' || t.to_state order by 1) from orders.return_transitions t
    where not exists (select from outcomes c join ops o using (op)
      where c.state = t.from_state and o.target = t.to_state and c.actual = 'reached')),
  null, 'every listed transition is made by a function, reaching its target state with the right side effects');
select is((select array_agg(format('%s: %s from %s gave %s', c.expected, c.op, c.state, c.actual) order by c.state, c.op)
    from outcomes c where c.actual is distinct from c.expected),
  null, 'every function, on a return in every state: the listed move, or exactly B3001');
select is((select count(*) from outcomes where expected = 'error B3001'), 4::bigint,
  'the refusals tried: 3 states by 2 functions (6), less the 2 listed moves; update it with the tables');

-- the trigger holds for a direct write too (the app may update state: the functions run as the caller)
select order_id as shipped from orders.place_order(app.current_tenant_id(), p_company_id => :'company', p_buyer_id => :'buyer', p_currency => 'EUR',
  p_lines => tests.lines(:'variant', 3), p_idempotency_key => 'direct') \gset
select orders.fulfil_order(app.current_tenant_id(), :'shipped');
select return_id as back from orders.request_return(app.current_tenant_id(), p_order_id => :'shipped', p_buyer_id => :'buyer',
  p_lines => tests.lines(:'variant', 1)) \gset
select orders.receive_return(app.current_tenant_id(), :'back', :'warehouse');
select throws_ok(format($$update orders.returns set state = 'requested', received_at = null, warehouse_id = null, credit_amount = null where return_id = %L$$, :'back'),
  'B3001', format('return %s cannot move from received to requested', :'back'),
  'a received return does not go back to requested, even by a direct update (it could be received and credited again)');
select throws_ok(format($$select orders.cancel_return(app.current_tenant_id(), %L)$$, gen_random_uuid()), 'B3402', null,
  'cancelling an unknown return: not found, not a refused move');

select * from finish();
rollback;
