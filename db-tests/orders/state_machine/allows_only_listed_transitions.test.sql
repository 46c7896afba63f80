-- The state machine's trigger: from every state, exactly the moves listed in orders.order_transitions
-- succeed and every other one is refused with B3001, tried as the application role by direct update (so
-- the trigger itself is tested, not the functions in front of it: those are tested in
-- every_listed_transition_succeeds_through_its_function). Any other error fails the test. New orders
-- start as draft.
begin;
select plan(5);

select tests.create_tenant('alpha') as alpha \gset
select * from tests.create_order_world(:'alpha', stock => 100) \gset
select tests.create_buyer_role(:'alpha', 'manager', array['orders.approve']) as manager_role \gset
select tests.create_buyer(:'alpha', :'company', :'manager_role', 'manager@example.com') as manager \gset
-- orders of 5 units (50.00) and more wait for a manager's approval
select tests.create_approval_rule(:'alpha', :'company', 'big', 50, null, array[:'manager_role']::uuid[]);

create temporary table in_state (state text primary key, order_id uuid not null);
grant select, insert on in_state to b2b_app;

-- 'allowed' when the update goes through, 'refused' when the trigger refuses the move (B3001), and the
-- SQLSTATE of any other error (a failure of this test: a check constraint refusing a listed move is not
-- the state machine allowing it). The update also gives the order what the new state needs (a submission
-- time past draft; every unit invoiced when fulfilled or completed, chk_orders_fulfilled_fully_invoiced),
-- so that only the state machine can object. Never keeps the move.
create function pg_temp.try_move(p_order uuid, p_to text) returns text language plpgsql as $$
begin
  begin
    update orders.orders
    set state = p_to, submitted_at = case when p_to = 'draft' then null else coalesce(submitted_at, now()) end,
      invoiced_amount = case when p_to in ('fulfilled', 'completed') then total_amount else invoiced_amount end
    where order_id = p_order;
    raise exception using errcode = 'U0001', message = 'undo the move';
  exception
    when sqlstate 'U0001' then return 'allowed';
    when sqlstate 'B3001' then return 'refused';
    -- listed, but its precondition is unmet (pending_approval -> placed without the approvals): the
    -- state machine allows the move; direct_state_writes_keep_approvals_and_stock tests the precondition
    when sqlstate 'B3016' then return 'allowed';
    when others then return 'error ' || sqlstate;
  end;
end
$$;

-- one order in each reachable state, built through the order functions
select tests.act_as(:'alpha', :'buyer');
\set place 'orders.place_order(app.current_tenant_id(), p_company_id => ' :'company' ', p_buyer_id => ' :'buyer' ', p_currency => ''EUR'', p_lines => tests.lines(' :'variant' ', 2), p_idempotency_key => gen_random_uuid()::text)'
insert into in_state values ('draft', (orders.create_draft(app.current_tenant_id(), p_company_id => :'company', p_buyer_id => :'buyer',
  p_currency => 'EUR', p_lines => tests.lines(:'variant', 1))).order_id);
insert into in_state values ('placed', (:place).order_id);
insert into in_state values ('cancelled', (orders.cancel_order(app.current_tenant_id(), (:place).order_id)).order_id);
insert into in_state values ('partially_fulfilled',
  (orders.fulfil_order(app.current_tenant_id(), (:place).order_id, tests.lines(:'variant', 1))).order_id);
insert into in_state values ('fulfilled', (orders.fulfil_order(app.current_tenant_id(), (:place).order_id)).order_id);
\set big 'orders.place_order(app.current_tenant_id(), p_company_id => ' :'company' ', p_buyer_id => ' :'buyer' ', p_currency => ''EUR'', p_lines => tests.lines(' :'variant' ', 5), p_idempotency_key => gen_random_uuid()::text)'
insert into in_state values ('pending_approval', (:big).order_id);
insert into in_state values ('rejected', (orders.reject_order(app.current_tenant_id(), (:big).order_id, :'manager')).order_id);
insert into in_state values ('completed', (orders.complete_order(app.current_tenant_id(), (orders.fulfil_order(app.current_tenant_id(), (:place).order_id)).order_id)).order_id);

select results_eq($$select o.state from in_state s join orders.orders o using (order_id) order by 1$$,
  $$select state from in_state order by 1$$, 'each order is in the state it was built for');

-- (arrays, not set_eq: set_eq needs temporary tables, which the application role may not create)
select is(
  (select array_agg(m order by m) from (
    select s.state || ' > ' || t.state || ': ' || r.outcome as m
    from in_state s cross join orders.order_states t cross join lateral (select pg_temp.try_move(s.order_id, t.state) as outcome) r
    where r.outcome <> 'refused') x),
  (select array_agg(m order by m) from (
    select from_state || ' > ' || to_state || ': allowed' as m from orders.order_transitions
    where from_state in (select state from in_state)) x),
  'from every state, exactly the listed moves are allowed; every other move (to itself too) is refused with B3001, and nothing else refuses');
select throws_ok(format($$update orders.orders set state = 'placed' where order_id = %L$$,
    (select order_id from in_state where state = 'completed')),
  'B3001', format('order %s cannot move from completed to placed', (select order_id from in_state where state = 'completed')),
  'the error names both states');
select throws_ok(format($$update orders.orders set state = 'shipped' where order_id = %L$$,
    (select order_id from in_state where state = 'placed')),
  'B3001', null, 'an unknown state is not a move either');

-- even a script that bypasses the grants (here: the superuser) cannot create an order past draft
select tests.clear_actor();
select throws_ok(format($$insert into orders.orders (tenant_id, company_id, buyer_id, currency, state, payment_terms_days, submitted_at)
  values (%L, %L, %L, 'EUR', 'placed', 30, now())$$, :'alpha', :'company', :'buyer'),
  'B3001', 'an order is created as draft, not placed', 'an order is created as draft');

select * from finish();
rollback;
