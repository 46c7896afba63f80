-- An order moved from pending_approval or placed to cancelled or rejected holds no reserved units
-- (orders.check_order_stock_released, B3016): a deferred constraint trigger (cancel_order and reject_order
-- release after the move), checked at commit, where Citus reports a failed check as a generic internal
-- error. cancel_order and reject_order (and every order function that writes orders) run the checks
-- queued so far before they return (orders.run_deferred_checks), so the typed error comes from the
-- statement. As the application role, with the constraints in their committed (deferred) mode.
begin;
select plan(6);

select tests.create_tenant('alpha') as alpha \gset
select * from tests.create_order_world(:'alpha', stock => 10) \gset
select tests.create_buyer_role(:'alpha', 'manager', array['orders.approve']) as manager_role \gset
select tests.create_buyer(:'alpha', :'company', :'manager_role', 'manager@example.com') as manager \gset
-- orders of 5 units (50.00) and more wait for a manager
select tests.create_approval_rule(:'alpha', :'company', 'big', 50, null, array[:'manager_role']::uuid[]);

select tests.act_as(:'alpha', :'buyer');
\set place 'orders.place_order(app.current_tenant_id(), p_company_id => ' :'company' ', p_buyer_id => ' :'buyer' ', p_currency => ''EUR'', p_idempotency_key => gen_random_uuid()::text, p_lines => tests.lines(' :'variant' ', '
select order_id as forced from :place 1)) \gset
select order_id as placed from :place 1)) \gset
select order_id as waiting from :place 5)) \gset

-- a direct write cancels an order without releasing its stock: the statement passes (deferred check)
select lives_ok(format($$update orders.orders set state = 'cancelled' where order_id = %L$$, :'forced'),
  'a direct cancel of an order that holds stock passes its own statement (the check is deferred)');

select throws_ok(format($$select orders.cancel_order(app.current_tenant_id(), %L)$$, :'placed'),
  'B3016', format('order %s cannot move from placed to cancelled: it still holds 1 reserved unit(s); release its stock (cancel_order, reject_order)', :'forced'),
  'cancel_order of another order reports the unreleased stock as its own error, before commit');
select tests.act_as(:'alpha', :'manager');
select throws_ok(format($$select orders.reject_order(app.current_tenant_id(), %L, %L)$$, :'waiting', :'manager'),
  'B3016', null, 'so does reject_order');
select tests.act_as(:'alpha', :'buyer');

-- released by the function itself: nothing is left for commit
select lives_ok(format($$select orders.release_stock(app.current_tenant_id(), %L)$$, :'forced'),
  'release_stock gives back what the directly cancelled order held (it releases for a cancelled order)');
select is((orders.cancel_order(app.current_tenant_id(), :'placed')).state, 'cancelled',
  'cancel_order moves and releases in one call, its check passes before it returns');
select lives_ok('set constraints all immediate', 'and nothing it queued fails at commit');

select * from finish();
rollback;
