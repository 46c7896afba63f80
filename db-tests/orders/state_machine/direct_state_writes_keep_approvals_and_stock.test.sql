-- The state machine's preconditions hold whatever path makes the move, tested as the application role
-- by direct update (b2b_app may update orders.orders.state): pending_approval -> placed needs every
-- approval tier approved, and leaving a stock-holding state (pending_approval, placed) for cancelled or
-- rejected needs the order's reserved stock released by commit; both are refused with B3016 otherwise.
-- The functions (approve_order to the last tier, cancel_order, reject_order) still make these moves.
-- The stock check is a deferred constraint trigger (cancel_order / reject_order release after the move):
-- "set constraints ... immediate" before a direct update makes it fire at the end of that statement, and
-- after a function call it fires the queued checks as commit would.
begin;
select plan(17);

select tests.create_tenant('alpha') as alpha \gset
select * from tests.create_order_world(:'alpha', stock => 100) \gset
select tests.create_buyer_role(:'alpha', 'manager', array['orders.approve']) as manager_role \gset
select tests.create_buyer_role(:'alpha', 'director', array['orders.approve']) as director_role \gset
select tests.create_buyer(:'alpha', :'company', :'manager_role', 'manager@example.com') as manager \gset
select tests.create_buyer(:'alpha', :'company', :'director_role', 'director@example.com') as director \gset
-- orders of 5 units (50.00) and more need tier 1 (a manager), then tier 2 (a director)
select tests.create_approval_rule(:'alpha', :'company', 'big', 50, null, array[:'manager_role', :'director_role']::uuid[]);

select tests.act_as(:'alpha', :'buyer');
\set big 'orders.place_order(app.current_tenant_id(), p_company_id => ' :'company' ', p_buyer_id => ' :'buyer' ', p_currency => ''EUR'', p_lines => tests.lines(' :'variant' ', 5), p_idempotency_key => gen_random_uuid()::text)'
\set small 'orders.place_order(app.current_tenant_id(), p_company_id => ' :'company' ', p_buyer_id => ' :'buyer' ', p_currency => ''EUR'', p_lines => tests.lines(' :'variant' ', 1), p_idempotency_key => gen_random_uuid()::text)'
select order_id as approved from :big \gset
select order_id as waiting from :big \gset
select order_id as placed from :small \gset
select order_id as draft from orders.create_draft(app.current_tenant_id(), p_company_id => :'company', p_buyer_id => :'buyer',
  p_currency => 'EUR', p_lines => tests.lines(:'variant', 1)) \gset
select is((select reserved from catalog.stock_levels where variant_id = :'variant'), 11::bigint,
  'two pending orders (5 + 5) and a placed one (1) hold their stock');

-- pending_approval -> placed: every tier approved ------------------------------------------------------
select throws_ok(format($$update orders.orders set state = 'placed' where order_id = %L$$, :'approved'),
  'B3016', format('order %s cannot move from pending_approval to placed: approval tier(s) 1, 2 not approved', :'approved'),
  'a direct write cannot place an order no tier approved; the error names the missing tiers');
select is((orders.approve_order(app.current_tenant_id(), :'approved', :'manager')).state, 'pending_approval', 'tier 1 approves through approve_order');
select throws_ok(format($$update orders.orders set state = 'placed' where order_id = %L$$, :'approved'),
  'B3016', format('order %s cannot move from pending_approval to placed: approval tier(s) 2 not approved', :'approved'),
  'nor one with a tier still open');
select is((orders.approve_order(app.current_tenant_id(), :'approved', :'director')).state, 'placed', 'approving the last tier through approve_order places it');

-- to cancelled / rejected: the stock released first ----------------------------------------------------
set constraints orders.trg_orders_after_update_state_check_stock_released immediate;
select throws_ok(format($$update orders.orders set state = 'cancelled' where order_id = %L$$, :'placed'),
  'B3016', format('order %s cannot move from placed to cancelled: it still holds 1 reserved unit(s); release its stock (cancel_order, reject_order)', :'placed'),
  'a direct write cannot cancel a placed order that still holds stock');
select throws_ok(format($$update orders.orders set state = 'cancelled' where order_id = %L$$, :'waiting'),
  'B3016', null, 'nor cancel a pending order that holds stock');
select throws_ok(format($$update orders.orders set state = 'rejected' where order_id = %L$$, :'waiting'),
  'B3016', null, 'nor reject a pending order that holds stock');
select lives_ok(format($$update orders.orders set state = 'cancelled' where order_id = %L$$, :'draft'),
  'a draft holds no stock: a direct write may cancel it');
select throws_ok(format($$select orders.cancel_order(app.current_tenant_id(), %L)$$, :'placed'), 'B3016', null,
  '(checked at once, the check would see cancel_order''s move before its release: hence deferred)');
set constraints orders.trg_orders_after_update_state_check_stock_released deferred;
-- deferred (as committed): a direct write passes the statement but is refused at commit
-- (one block, so that the refused move is rolled back with it and not left queued)
select throws_ok(format($q$do $b$ begin
    update orders.orders set state = 'cancelled' where order_id = %L;
    set constraints all immediate;
  end $b$$q$, :'placed'),
  'B3016', null, 'a direct cancel that the statement let through is refused at commit');
set constraints all deferred;
select is((select state from orders.orders where order_id = :'waiting'), 'pending_approval', 'the refused writes changed nothing');
select is((select reserved from catalog.stock_levels where variant_id = :'variant'), 11::bigint,
  'and every unit is still reserved');

select is((orders.reject_order(app.current_tenant_id(), :'waiting', :'manager')).state, 'rejected', 'reject_order rejects a pending order');
select is((orders.cancel_order(app.current_tenant_id(), :'approved')).state, 'cancelled', 'cancel_order cancels a placed order');
select lives_ok($$set constraints all immediate$$, 'both released their stock before commit');
select is((select reserved from catalog.stock_levels where variant_id = :'variant'), 1::bigint,
  'only the placed order''s unit stays reserved');

select * from finish();
rollback;
