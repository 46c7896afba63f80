-- Approval rules: an order that matches a company rule (total at or above an amount, or placed by a role)
-- waits in pending_approval with its stock reserved; tiers are decided in order by eligible buyers of the
-- company (orders.approve and a role of the tier, not the buyer who placed it); the last approval
-- places the order; one rejection rejects it and releases its stock.
begin;
select plan(22);

select tests.create_tenant('alpha') as alpha \gset
select * from tests.create_order_world(:'alpha', stock => 100) \gset
select * from tests.create_order_world(:'alpha', stock => 0, prefix => 'bolt') \gset b_
select tests.create_buyer_role(:'alpha', 'manager', array['orders.approve']) as manager_role \gset
select tests.create_buyer_role(:'alpha', 'director', array['orders.approve', 'orders.create']) as director_role \gset
select tests.create_buyer_role(:'alpha', 'lead', array['orders.view_all']) as lead_role \gset
select tests.create_buyer_role(:'alpha', 'intern', array['orders.create']) as intern_role \gset
select tests.create_buyer(:'alpha', :'company', :'manager_role', 'manager@example.com') as manager \gset
select tests.create_buyer(:'alpha', :'company', :'director_role', 'director@example.com') as director \gset
select tests.create_buyer(:'alpha', :'company', :'lead_role', 'lead@example.com') as lead \gset
select tests.create_buyer(:'alpha', :'company', :'intern_role', 'intern@example.com') as intern \gset
select tests.create_buyer(:'alpha', :'b_company', :'manager_role', 'bolt.manager@example.com') as bolt_manager \gset
select tests.create_approval_rule(:'alpha', :'company', 'big orders', 100, null, array[:'manager_role', :'director_role']::uuid[]);
select tests.create_approval_rule(:'alpha', :'company', 'interns', null, :'intern_role', array[:'lead_role']::uuid[]);
select tests.create_approval_rule(:'alpha', :'company', 'switched off', 1, null, array[:'lead_role']::uuid[]) as off_rule \gset
update orders.approval_rules set is_active = false where approval_rule_id = :'off_rule';

select tests.act_as(:'alpha', :'buyer');
\set place 'orders.place_order(app.current_tenant_id(), p_company_id => ' :'company' ', p_buyer_id => ' :'buyer' ', p_currency => ''EUR'', p_lines => tests.lines(' :'variant' ', 10), p_idempotency_key => gen_random_uuid()::text)'

select is((orders.place_order(app.current_tenant_id(), p_company_id => :'company', p_buyer_id => :'buyer', p_currency => 'EUR',
  p_lines => tests.lines(:'variant', 9), p_idempotency_key => 'small')).state, 'placed',
  'below every threshold (90 < 100; the inactive rule does not count): placed');

select order_id as big from :place \gset
select is((select state from orders.orders where order_id = :'big'), 'pending_approval', 'at the threshold (100): pending approval');
select is((select reserved from catalog.stock_levels where variant_id = :'variant'), 19::bigint, 'a pending order holds its stock');
select results_eq(format($$select tier, approver_role_id from orders.order_approval_steps where order_id = %L order by tier$$, :'big'),
  format($$values (1, %L::uuid), (2, %L::uuid)$$, :'manager_role', :'director_role'), 'the rule''s tiers are copied onto the order');

select throws_ok(format($$select orders.approve_order(app.current_tenant_id(), %L, %L)$$, :'big', :'director'), 'B3101', null,
  'tier 2''s approver cannot decide before tier 1');
select throws_ok(format($$select orders.approve_order(app.current_tenant_id(), %L, %L)$$, :'big', :'buyer'), 'B3104', null,
  'the buyer who placed it cannot approve it');
select throws_ok(format($$select orders.approve_order(app.current_tenant_id(), %L, %L)$$, :'big', :'bolt_manager'), 'B2104', null,
  'a manager of another company cannot approve it');
select throws_ok(format($$select orders.approve_order(app.current_tenant_id(), %L, %L)$$, :'big', :'lead'), 'B3101', null,
  'a buyer whose role is not named by the tier cannot approve it');

select is((orders.approve_order(app.current_tenant_id(), :'big', :'manager', 'ok from me')).state, 'pending_approval', 'tier 1 approved: still waiting for tier 2');
select is((orders.approve_order(app.current_tenant_id(), :'big', :'manager')).state, 'pending_approval',
  'tier 1''s approver approving again is a replay: it does not decide tier 2');
select is((orders.approve_order(app.current_tenant_id(), :'big', :'director')).state, 'placed', 'the last tier approved: placed');
select results_eq(format($$select tier, approver_id, decision, comment from orders.order_approvals where order_id = %L order by tier$$, :'big'),
  format($$values (1, %L::uuid, 'approved', 'ok from me'), (2, %L::uuid, 'approved', null)$$, :'manager', :'director'),
  'the decisions are recorded');
select is((select to_state from orders.order_state_history where order_id = :'big' order by transition_number desc limit 1), 'placed',
  'the history shows the move to placed');
select is((orders.approve_order(app.current_tenant_id(), :'big', :'director')).state, 'placed',
  'the last approver approving again is a replay: the order as it is');
select throws_ok(format($$select orders.reject_order(app.current_tenant_id(), %L, %L)$$, :'big', :'director'), 'B3001', null,
  'a placed order cannot be rejected');

-- one rejection rejects
select order_id as rejected from :place \gset
select is((orders.reject_order(app.current_tenant_id(), :'rejected', :'manager', 'too much')).state, 'rejected', 'one rejection rejects the order');
select is((select sum(reserved_quantity) from orders.order_allocations where order_id = :'rejected'), 0::numeric,
  'a rejected order releases its stock');
select is((select reserved from catalog.stock_levels where variant_id = :'variant'), 19::bigint, 'only the approved orders hold stock');
select throws_ok(format($$select orders.approve_order(app.current_tenant_id(), %L, %L)$$, :'rejected', :'director'), 'B3001', null,
  'a rejected order cannot be approved');

-- a rule on the role of the buyer who placed the order; its approver must hold orders.approve
select tests.act_as(:'alpha', :'intern');
select is((orders.place_order(app.current_tenant_id(), p_company_id => :'company', p_buyer_id => :'intern', p_currency => 'EUR',
  p_lines => tests.lines(:'variant', 1), p_idempotency_key => 'intern-1')).state, 'pending_approval',
  'an intern''s order waits, whatever its total');
select throws_ok(format($$select orders.approve_order(app.current_tenant_id(), order_id, %L) from orders.orders where idempotency_key = 'intern-1'$$, :'lead'),
  'B3101', null, 'a role named by the tier still needs orders.approve');
select is((orders.cancel_order(app.current_tenant_id(), (select order_id from orders.orders where idempotency_key = 'intern-1'))).state, 'cancelled',
  'an order waiting for approval can be cancelled');

select * from finish();
rollback;
