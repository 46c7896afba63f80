-- orders.credit_exposures (read by check_credit_limit instead of summing a company's history) equals the
-- sums it stands for after every path that changes them: placing, drafting and submitting, cancelling,
-- shipping in parts (invoices), paying, returning (credit notes), completing, and a direct update of an
-- order. All as the application role, which reads its tenant's exposure but cannot write it itself.
begin;
select plan(16);

select tests.create_tenant('alpha') as alpha \gset
select * from tests.create_order_world(:'alpha', stock => 100) \gset
select tests.create_warehouse(:'alpha', 'RETURNS') as returns_wh \gset

-- the stored exposure of every company of the tenant against the sums computed from scratch
-- (orders.credit_exposure_sources); a company with neither orders nor entries has no row or a row of zeros
\set drift 'select s.company_id, e.debit_total, e.credit_total, e.open_order_amount, s.debit_total, s.credit_total, s.open_order_amount from orders.credit_exposure_sources s left join orders.credit_exposures e on e.tenant_id = s.tenant_id and e.company_id = s.company_id where (coalesce(e.debit_total, 0), coalesce(e.credit_total, 0), coalesce(e.open_order_amount, 0)) is distinct from (s.debit_total, s.credit_total, s.open_order_amount)'

select tests.act_as(:'alpha', :'buyer');
select order_id as first from orders.place_order(app.current_tenant_id(), p_company_id => :'company', p_buyer_id => :'buyer',
  p_currency => 'EUR', p_lines => tests.lines(:'variant', 6), p_idempotency_key => 'x1') \gset
select is_empty(:'drift', 'placed: the order''s total is open');
select is((select open_order_amount from orders.credit_exposures where company_id = :'company'), 60.00::numeric,
  'the application role reads its company''s exposure: 6 units at 10.00');

select order_id as draft, version as draft_version from orders.create_draft(app.current_tenant_id(), :'company', :'buyer', 'EUR', tests.lines(:'variant', 3)) \gset
select is_empty(:'drift', 'a draft counts nothing');
select orders.update_draft(app.current_tenant_id(), :'draft', :'draft_version', tests.lines(:'variant', 4));
select is_empty(:'drift', 'a draft''s new total counts nothing');
select orders.submit_order(app.current_tenant_id(), :'draft');
select is_empty(:'drift', 'submitted: its total is open');
select orders.cancel_order(app.current_tenant_id(), :'draft');
select is_empty(:'drift', 'cancelled: no longer open');

select orders.fulfil_order(app.current_tenant_id(), :'first', tests.lines(:'variant', 2));
select is_empty(:'drift', 'shipped in part: the invoice moves 20.00 from the open order to the balance');
select orders.record_payment(app.current_tenant_id(), p_company_id => :'company', p_amount => 15, p_currency => 'EUR', p_reference => 'part');
select is_empty(:'drift', 'a payment lowers the balance');
select orders.fulfil_order(app.current_tenant_id(), :'first');
select is_empty(:'drift', 'shipped in full: fulfilled, nothing open');
select return_id as ret from orders.request_return(app.current_tenant_id(), p_order_id => :'first', p_buyer_id => :'buyer',
  p_lines => tests.lines(:'variant', 1)) \gset
select orders.receive_return(app.current_tenant_id(), :'ret', :'returns_wh');
select is_empty(:'drift', 'a received return''s credit note lowers the balance');
select orders.complete_order(app.current_tenant_id(), :'first');
select is_empty(:'drift', 'completed');

select throws_ok(format($$update orders.credit_exposures set open_order_amount = 0 where company_id = %L$$, :'company'),
  'B5041', null, 'the application role cannot lower its exposure');
select throws_ok(format($$insert into orders.credit_exposures (tenant_id, company_id, minor_units) values (app.current_tenant_id(), %L, 2)$$, :'company'),
  'B5041', null, 'nor write a row of its own');

-- an admin's direct write of an open order (as the owner, no tenant context) is followed too
select tests.clear_actor();
select tests.act_as(:'alpha', :'buyer');
select order_id as second from orders.place_order(app.current_tenant_id(), p_company_id => :'company', p_buyer_id => :'buyer',
  p_currency => 'EUR', p_lines => tests.lines(:'variant', 2), p_idempotency_key => 'x2') \gset
select tests.clear_actor();
update orders.orders set invoiced_amount = 5 where order_id = :'second';
select tests.act_as(:'alpha', :'buyer');
select is_empty(:'drift', 'a direct update of an open order''s invoiced amount');
select is((select debit_total - credit_total from orders.credit_exposures where company_id = :'company'),
  (select orders.open_balance(app.current_tenant_id(), :'company')), 'the balance equals orders.open_balance');


-- the exposure is in the company's minor units: a currency with others (JPY, 0) is refused once it has one
select tests.clear_actor();
select throws_ok(format($$update accounts.companies set default_currency = 'JPY' where company_id = %L$$, :'company'),
  '23503', null, 'a company with a credit exposure keeps its currency''s minor units');

select * from finish();
rollback;
