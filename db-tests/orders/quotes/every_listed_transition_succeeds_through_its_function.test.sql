-- The quote state machine, end to end through the public functions, like the order one
-- (db-tests/orders/state_machine/every_listed_transition_succeeds_through_its_function.test.sql): every
-- move listed in orders.quote_transitions is made by a function and reaches its target with the right
-- side effects; every other move a function is asked to make is refused with exactly B3001, except by the
-- housekeeping sweep (expire_quotes), which leaves quotes it does not apply to unchanged. Repeats that
-- are replays by design: staging a quoted quote again (new prices, still quoted) and accepting an accepted
-- one (its order, no second one). Cases generated from the tables. As b2b_app.
begin;
select plan(4);

select tests.create_tenant('alpha') as alpha \gset
select * from tests.create_order_world(:'alpha', stock => 100) \gset

create temporary table w as select :'company'::uuid as company, :'buyer'::uuid as buyer, :'variant'::uuid as variant;

-- The operations: statements run on a quote (%1$L: its id), the state they lead to, whether repeating
-- them in that state is a legitimate no-move, and whether they are a sweep over the tenant's quotes
-- (which leaves the quotes it does not apply to unchanged instead of refusing).
create temporary table ops (
  op text primary key,
  target text not null,
  stays boolean not null default false,
  sweep boolean not null default false,
  calls text[] not null
);
insert into ops values
  ('stage_quote', 'quoted', true, false, array[
    'select orders.stage_quote(app.current_tenant_id(), %1$L, jsonb_build_array(jsonb_build_object(''variant_id'', (select variant from w), ''unit_price'', 8)), now() + interval ''7 days'')']),
  ('accept_quote', 'accepted', true, false, array['select orders.accept_quote(app.current_tenant_id(), %1$L, (select buyer from w))']),
  ('decline_quote', 'declined', false, false, array['select orders.decline_quote(app.current_tenant_id(), %1$L, (select buyer from w))']),
  ('withdraw_quote', 'withdrawn', false, false, array['select orders.withdraw_quote(app.current_tenant_id(), %1$L)']),
  ('expire_quotes (8 days later)', 'expired', false, true,
    array['select tests.freeze_now(now() + interval ''8 days'')', 'select orders.expire_quotes(app.current_tenant_id())']);

create function pg_temp.performs(p_from text, p_op ops) returns boolean language sql stable as $$
  select exists (select from orders.quote_transitions t where t.from_state = p_from and t.to_state = p_op.target)
$$;

create temporary table paths (state text primary key, ops text[] not null);
insert into paths values ('requested', '{}');
select tests.fill_transition_paths();

create function pg_temp.observe(p_quote uuid) returns jsonb language sql stable as $$
  select jsonb_build_object(
    'state', q.state,
    'decided', q.decided_at is not null,
    'quoted', q.quoted_at is not null and q.valid_until is not null,
    'orders', (select count(*) from orders.orders o where o.quote_id = q.quote_id),
    'order', (select o.order_id from orders.orders o where o.quote_id = q.quote_id),
    'order_total', (select o.total_amount from orders.orders o where o.quote_id = q.quote_id),
    'quoted_total', (select sum(l.quantity * l.unit_price) from orders.quote_lines l where l.quote_id = q.quote_id))
  from orders.quotes q where q.quote_id = p_quote
$$;

create function pg_temp.effects(p_from text, p_op ops, b jsonb, a jsonb) returns text language sql stable as $$
  select string_agg(problem, '; ')
  from (values
    ((a ->> 'state') = p_op.target, 'state is ' || (a ->> 'state')),
    -- a quote is dated when it reaches a state it cannot leave
    ((a ->> 'decided')::boolean = not exists (select from orders.quote_transitions t where t.from_state = p_op.target),
      'decided is ' || (a ->> 'decided')),
    ((a ->> 'quoted')::boolean = (p_from <> 'requested' or p_op.target = 'quoted'), 'quoted is ' || (a ->> 'quoted')),
    -- exactly an accepted quote has an order, one, at the quoted prices, and a repeat returns the same one
    ((a ->> 'orders')::int = case when p_op.target = 'accepted' then 1 else 0 end, 'orders: ' || (a ->> 'orders')),
    -- (compared as numbers: the order total is at EUR's scale, 24.00, the quoted lines' product is 24)
    ((a ->> 'order_total')::numeric is not distinct from
      case when p_op.target = 'accepted' then (a ->> 'quoted_total')::numeric end,
      'order total ' || (a ->> 'order_total')),
    ((b ->> 'order') is null or (b ->> 'order') = (a ->> 'order'), 'another order')
  ) as c(ok, problem)
  where not coalesce(ok, false)
$$;

create function pg_temp.run_case(p_state text, p_op text) returns text language plpgsql as $$
declare
  q uuid;
  step text;
  statement text;
  op ops;
  before jsonb;
  after jsonb;
  outcome text;
begin
  select * into op from ops where ops.op = p_op;
  begin
    q := (orders.request_quote(app.current_tenant_id(), p_company_id => (select company from w), p_buyer_id => (select buyer from w),
      p_currency => 'EUR', p_lines => tests.lines((select variant from w), 3))).quote_id;
    foreach step in array (select ops from paths where state = p_state) loop
      foreach statement in array (select calls from ops where ops.op = step) loop
        execute format(statement, q);
      end loop;
    end loop;
    if (select state from orders.quotes where quote_id = q) <> p_state then
      raise exception using errcode = 'U0001', message = 'could not build a quote in ' || p_state;
    end if;
    before := pg_temp.observe(q);
    begin
      foreach statement in array op.calls loop
        execute format(statement, q);
      end loop;
      after := pg_temp.observe(q);
      outcome := case
        when (after ->> 'state') = p_state and (p_state <> op.target or op.sweep) then
          case when after = before then 'unchanged' else 'changed in place' end
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
  case when pg_temp.performs(s.state, o) then 'reached'
    when s.state = o.target and o.stays then 'stayed'
    when o.sweep then 'unchanged'
    else 'error B3001' end,
  pg_temp.run_case(s.state, o.op)
from orders.quote_states s cross join ops o;

select is((select array_agg(s.state order by s.state) from orders.quote_states s where s.state not in (select state from paths)),
  null, 'a quote in every state is built through the functions, along listed moves');
select is((select array_agg(t.from_state || ' > ' || t.to_state order by 1) from orders.quote_transitions t
    where not exists (select from outcomes c join ops o using (op)
      where c.state = t.from_state and o.target = t.to_state and c.actual = 'reached')),
  null, 'every listed transition is made by a function, reaching its target state with the right side effects');
select is((select array_agg(format('%s: %s from %s gave %s', c.expected, c.op, c.state, c.actual) order by c.state, c.op)
    from outcomes c where c.actual is distinct from c.expected),
  null, 'every function, on a quote in every state: the listed move, a replay where designed, or exactly B3001');
select is((select count(*) from outcomes where expected = 'error B3001'), 17::bigint,
  'the refusals tried: 6 states by 5 functions (30), less the 6 listed moves, 2 replays and 5 quotes the sweep leaves alone; update it with the tables');

select * from finish();
rollback;
