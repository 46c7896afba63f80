-- One person decides at most one tier of an order: with two tiers that both name the role manager, one
-- manager's approval, sent again, is a replay (the order as it is, nothing recorded or moved), not the
-- second tier; a rule needing more distinct approvers than the company has leaves the order waiting.
-- Also: rejecting after an approval, deciding after a rejection, an approver whose role changed between
-- tiers, a disabled approver, and a second decision written directly (the unique constraint). As b2b_app.
begin;
select plan(24);

select tests.create_tenant('alpha') as alpha \gset
select * from tests.create_order_world(:'alpha', stock => 100) \gset
select tests.create_buyer_role(:'alpha', 'manager', array['orders.approve']) as manager_role \gset
select tests.create_buyer_role(:'alpha', 'director', array['orders.approve']) as director_role \gset
select tests.create_buyer(:'alpha', :'company', :'manager_role', 'first.manager@example.com') as m1 \gset
select tests.create_approval_rule(:'alpha', :'company', 'two managers', 100, null,
  array[:'manager_role', :'manager_role']::uuid[]) as two_managers \gset

select tests.act_as(:'alpha', :'buyer');
\set place 'orders.place_order(app.current_tenant_id(), p_company_id => ' :'company' ', p_buyer_id => ' :'buyer' ', p_currency => ''EUR'', p_lines => tests.lines(' :'variant' ', 10), p_idempotency_key => gen_random_uuid()::text)'

-- the issue's example, in sequence (the concurrent one is in packages/orders/src/approvals.test.ts)
select order_id as o1 from :place \gset
select is((orders.approve_order(app.current_tenant_id(), :'o1', :'m1', 'fine by me')).state, 'pending_approval', 'the manager approves tier 1');
select version as v1 from orders.orders where order_id = :'o1' \gset
select is((orders.approve_order(app.current_tenant_id(), :'o1', :'m1', 'really fine')).state, 'pending_approval',
  'the same manager again: a replay, still waiting for tier 2');
select results_eq(format($$select tier, approver_id, comment from orders.order_approvals where order_id = %L$$, :'o1'),
  format($$values (1, %L::uuid, 'fine by me')$$, :'m1'), 'the replay recorded nothing (the first comment stays)');
select is((select version from orders.orders where order_id = :'o1'), :'v1'::integer, 'the replay did not write the order');
select throws_ok(format($$select orders.reject_order(app.current_tenant_id(), %L, %L)$$, :'o1', :'m1'), 'B3015', null,
  'the manager who approved tier 1 cannot reject at tier 2 either: another person decides it');
select is((select state from orders.orders where order_id = :'o1'), 'pending_approval',
  'with a single manager, a rule that needs two leaves the order waiting');
select is((orders.cancel_order(app.current_tenant_id(), :'o1')).state, 'cancelled', 'such an order can be cancelled');
select is((select sum(reserved_quantity) from orders.order_allocations where order_id = :'o1'), 0::numeric,
  'and cancelling it releases its stock');

-- a second manager decides tier 2
select tests.clear_actor();
select tests.create_buyer(:'alpha', :'company', :'manager_role', 'second.manager@example.com') as m2 \gset
select tests.create_buyer(:'alpha', :'company', :'manager_role', 'third.manager@example.com') as m3 \gset
select tests.act_as(:'alpha', :'buyer');
select order_id as o2 from :place \gset
select orders.approve_order(app.current_tenant_id(), :'o2', :'m1');
select is((orders.approve_order(app.current_tenant_id(), :'o2', :'m2')).state, 'placed', 'two managers approve the two tiers: placed');
select is((orders.approve_order(app.current_tenant_id(), :'o2', :'m1')).state, 'placed', 'a repeat after the order moved on is a replay too');
select is((orders.approve_order(app.current_tenant_id(), :'o2', :'m2')).state, 'placed', 'and so is a repeat of the last approval');
select is((select count(*) from orders.order_approvals where order_id = :'o2'), 2::bigint, 'two decisions, no more');
select throws_ok(format($$select orders.approve_order(app.current_tenant_id(), %L, %L)$$, :'o2', :'m3'), 'B3001', null,
  'a third manager cannot approve a placed order');
select throws_ok(format($$select orders.reject_order(app.current_tenant_id(), %L, %L)$$, :'o2', :'m3'), 'B3001', null,
  'nor reject it');

-- rejecting after an approval; deciding after the rejection
select order_id as o3 from :place \gset
select orders.approve_order(app.current_tenant_id(), :'o3', :'m1');
select is((orders.reject_order(app.current_tenant_id(), :'o3', :'m2', 'over budget')).state, 'rejected', 'tier 2 rejects after tier 1 approved: rejected');
select is((select sum(reserved_quantity) from orders.order_allocations where order_id = :'o3'), 0::numeric,
  'the rejection releases the stock');
select is((orders.reject_order(app.current_tenant_id(), :'o3', :'m2')).state, 'rejected', 'the same rejection again is a replay');
select is((orders.approve_order(app.current_tenant_id(), :'o3', :'m1')).state, 'rejected',
  'tier 1''s approver repeating its approval is a replay: it returns the rejected order and changes nothing');
select throws_ok(format($$select orders.approve_order(app.current_tenant_id(), %L, %L)$$, :'o3', :'m3'), 'B3001', null,
  'a rejected order cannot be approved');
select throws_ok(format($$select orders.approve_order(app.current_tenant_id(), %L, %L)$$, :'o3', :'m2'), 'B3001', null,
  'not even by the one who rejected it (that is not a repeat of its decision)');

-- roles change between tiers; decisions made stand, new ones are checked against the role held now
select tests.clear_actor();
select tests.create_buyer(:'alpha', :'company', :'director_role', 'director@example.com') as director \gset
update orders.approval_rules set is_active = false where approval_rule_id = :'two_managers';
select tests.create_approval_rule(:'alpha', :'company', 'manager then director', 100, null,
  array[:'manager_role', :'director_role']::uuid[]);
select tests.act_as(:'alpha', :'buyer');
select order_id as o4 from :place \gset
select orders.approve_order(app.current_tenant_id(), :'o4', :'m1');
select tests.clear_actor();
update accounts.buyers set buyer_role_id = :'director_role' where buyer_id = :'m1';
update accounts.buyers set status = 'disabled' where buyer_id = :'director';
select tests.act_as(:'alpha', :'buyer');
select is((orders.approve_order(app.current_tenant_id(), :'o4', :'m1')).state, 'pending_approval',
  'an approver moved to the next tier''s role after approving tier 1 does not approve tier 2: a replay');
select throws_ok(format($$select orders.approve_order(app.current_tenant_id(), %L, %L)$$, :'o4', :'director'), 'B2105', null,
  'a disabled director cannot decide');
select throws_ok(format($$select orders.approve_order(app.current_tenant_id(), %L, %L)$$, :'o4', :'m2'), 'B3101', null,
  'a manager cannot decide the director''s tier');

-- the backstop: a second decision by the same person, written directly, is refused by the database
select throws_ok(format($$insert into orders.order_approvals (order_id, tier, approver_id, decision) values (%L, 2, %L, 'approved')$$,
    :'o4', :'m1'),
  '23505', null, 'a direct write of a second decision by the same approver violates uq_order_approvals_tenant_id_order_id_approver_id');

select * from finish();
rollback;
