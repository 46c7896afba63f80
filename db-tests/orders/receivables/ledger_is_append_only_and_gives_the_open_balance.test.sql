-- The receivables ledger: payments lower the open balance; entries are never updated or deleted.
begin;
select plan(9);

select tests.create_tenant('alpha') as alpha \gset
select * from tests.create_order_world(:'alpha', stock => 10) \gset

select tests.act_as(:'alpha', :'buyer');
select order_id from orders.place_order(app.current_tenant_id(), p_company_id => :'company', p_buyer_id => :'buyer', p_currency => 'EUR',
  p_lines => tests.lines(:'variant', 3), p_idempotency_key => 'r1') \gset
select orders.fulfil_order(app.current_tenant_id(), :'order_id');
select invoice_id from orders.invoices \gset

select is((orders.record_payment(app.current_tenant_id(), p_company_id => :'company', p_amount => 12.5, p_currency => 'EUR',
  p_reference => 'SEPA-1', p_invoice_id => :'invoice_id')).kind, 'payment', 'a payment is recorded');
select is(orders.open_balance(app.current_tenant_id(), :'company'), 17.5000::numeric(19,4), 'it lowers the open balance (30 - 12.50)');
select is((orders.record_payment(app.current_tenant_id(), p_company_id => :'company', p_amount => 20, p_currency => 'EUR', p_reference => 'SEPA-2')).recorded_by,
  :'buyer'::uuid, 'the ledger records who recorded the entry');
select is(orders.open_balance(app.current_tenant_id(), :'company'), -2.5000::numeric(19,4), 'a company can pay ahead (negative balance)');
select throws_ok(format($$select orders.record_payment(app.current_tenant_id(), p_company_id => %L, p_amount => 0, p_currency => 'EUR', p_reference => 'x')$$, :'company'),
  'B3105', null, 'a payment is positive');
select throws_ok(format($$select orders.record_payment(app.current_tenant_id(), p_company_id => %L, p_amount => 1, p_currency => 'USD', p_reference => 'x')$$, :'company'),
  'B3005', null, 'a payment is in the company''s currency');

select throws_ok($$update orders.receivable_entries set amount = 0$$, '42501', null, 'the application cannot change the ledger');
select throws_ok($$delete from orders.invoices$$, '42501', null, 'the application cannot delete invoices');

select tests.clear_actor();
select throws_ok($$update orders.invoices set amount = 0$$, 'B3012', null, 'invoices are append-only even for an owner script');

select * from finish();
rollback;
