-- An order's total equals the sum of its lines (orders.check_order_total, B3003): a deferred constraint
-- trigger, checked at commit, where Citus reports a failed check as a generic internal error. So the order
-- functions that write totals or lines run the checks queued so far before they return
-- (orders.run_deferred_checks): a total broken earlier in the transaction is the typed error of that call's
-- statement, not of commit. Without it, every throws_ok below would pass its statement and fail at commit.
-- As the application role, with the constraints in their committed (deferred) mode.
begin;
select plan(6);

select tests.create_tenant('alpha') as alpha \gset
select * from tests.create_order_world(:'alpha', stock => 10) \gset

select tests.act_as(:'alpha', :'buyer');
select order_id as draft from orders.create_draft(app.current_tenant_id(), p_company_id => :'company',
  p_buyer_id => :'buyer', p_currency => 'EUR', p_lines => tests.lines(:'variant', 2)) \gset
select order_id as other from orders.create_draft(app.current_tenant_id(), p_company_id => :'company',
  p_buyer_id => :'buyer', p_currency => 'EUR', p_lines => tests.lines(:'variant', 1)) \gset

-- a direct write breaks the total: the statement passes (the check is deferred)
select lives_ok(format($$update orders.orders set total_amount = 25 where order_id = %L$$, :'draft'),
  'a direct write of a wrong total passes its own statement (the check is deferred)');
select version as v from orders.orders where order_id = :'draft' \gset

select throws_ok(format($$select orders.update_draft(app.current_tenant_id(), %L, %s, p_purchase_order_number => 'PO-1')$$,
    :'draft', :'v'),
  'B3003', format('order %s has total_amount 25 but its lines add up to 20.00', :'draft'),
  'update_draft reports the broken total as its own error, before commit');
select throws_ok(format($$select orders.cancel_order(app.current_tenant_id(), %L)$$, :'draft'),
  'B3003', null, 'and cancel_order');
select throws_ok(format($$select orders.place_order(app.current_tenant_id(), p_company_id => %L, p_buyer_id => %L,
    p_currency => 'EUR', p_lines => tests.lines(%L, 1), p_idempotency_key => 'k-1')$$, :'company', :'buyer', :'variant'),
  'B3003', format('order %s has total_amount 25 but its lines add up to 20.00', :'draft'),
  'and place_order for another order: the error names the order whose total is wrong');

-- submit_order prices the lines again and sets the total to their sum: it mends the total
select is((orders.submit_order(app.current_tenant_id(), :'draft')).total_amount, 20.00,
  'submit_order sets the total from the lines again (it reprices), so its own checks pass');

-- the checks go back to deferred after a call: a direct edit in two statements is still possible
select lives_ok(format($q$do $b$ begin
    perform orders.update_draft(app.current_tenant_id(), %1$L, (select version from orders.orders where order_id = %1$L),
      p_purchase_order_number => 'PO-2');
    update orders.order_lines set unit_price = 11, line_total = 11 where order_id = %1$L;
    update orders.orders set total_amount = 11 where order_id = %1$L;
    set constraints all immediate;
  end $b$$q$, :'other'),
  'after an order call the checks are deferred again: lines then header, in two statements, agree by the end');

select * from finish();
rollback;
