-- Each shipment issues an invoice for the shipped units at their order price, due after the order's net
-- payment terms, recorded in the receivables ledger; the open balance follows.
begin;
select plan(9);

select tests.create_tenant('alpha') as alpha \gset
select * from tests.create_order_world(:'alpha', stock => 10) \gset
update accounts.companies set payment_terms_days = 45 where company_id = :'company';

select tests.act_as(:'alpha', :'buyer');
select tests.freeze_now('2030-03-01 10:00Z');
select order_id from orders.place_order(app.current_tenant_id(), p_company_id => :'company', p_buyer_id => :'buyer', p_currency => 'EUR',
  p_lines => tests.lines(:'variant', 5), p_idempotency_key => 'inv') \gset

select is_empty('select from orders.invoices', 'placing issues no invoice');
select is(orders.open_balance(app.current_tenant_id(), :'company'), 0.0000::numeric(19,4), 'nothing is owed before shipping');

select orders.fulfil_order(app.current_tenant_id(), :'order_id', tests.lines(:'variant', 2));
select results_eq(format($$select amount, issued_at, due_at, lines -> 0 ->> 'quantity' from orders.invoices where order_id = %L$$, :'order_id'),
  $$values (20.0000::numeric(19,4), '2030-03-01 10:00Z'::timestamptz, '2030-04-15 10:00Z'::timestamptz, '2')$$,
  'the shipment is invoiced at the order price, due 45 days (the order''s terms) after issue');
select is(orders.open_balance(app.current_tenant_id(), :'company'), 20.0000::numeric(19,4), 'the invoice raises the open balance');
select is((select invoiced_amount from orders.orders where order_id = :'order_id'), 20.0000::numeric(19,4), 'the order counts what was invoiced');

-- terms changed later do not change the order's: it keeps its snapshot
select tests.clear_actor();
update accounts.companies set payment_terms_days = 0 where company_id = :'company';
select tests.act_as(:'alpha', :'buyer');
select tests.freeze_now('2030-03-10 10:00Z');
select orders.fulfil_order(app.current_tenant_id(), :'order_id');
select is((select due_at from orders.invoices where order_id = :'order_id' order by issued_at desc limit 1),
  '2030-04-24 10:00Z'::timestamptz, 'the second invoice is due after the order''s 45 days too');
select is(orders.open_balance(app.current_tenant_id(), :'company'), 50.0000::numeric(19,4), 'both invoices are open');
select is((select invoiced_amount = total_amount from orders.orders where order_id = :'order_id'), true, 'fully invoiced');
select results_eq(format($$select e.kind, e.amount from orders.receivable_entries e join orders.invoices i using (tenant_id, invoice_id)
  where i.order_id = %L order by e.recorded_at, e.entry_id$$, :'order_id'),
  $$values ('invoice', 20.0000::numeric(19,4)), ('invoice', 30.0000::numeric(19,4))$$, 'the ledger has one entry per invoice');

select * from finish();
rollback;
