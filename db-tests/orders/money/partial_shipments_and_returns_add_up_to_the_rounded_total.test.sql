-- Line totals, invoices and credit notes are in the currency's minor units (app.round_money, half away
-- from zero) and add up: a line's invoices, however it ships, sum to its rounded line total (cumulative
-- difference), and so do its credit notes when every unit comes back. JPY has 0 minor units, KWD 3.
begin;
select plan(16);

select tests.create_tenant('alpha') as alpha \gset
select * from tests.create_order_world(:'alpha', stock => 20) \gset
select * from tests.create_order_world(:'alpha', stock => 20, prefix => 'kw') \gset k_
select tests.create_warehouse(:'alpha', 'RETURNS') as returns_wh \gset

-- the first company orders in JPY at 99.5 a unit, the second in KWD at 0.0125 (finer than the currencies)
update accounts.companies set default_currency = 'JPY' where company_id = :'company';
update accounts.companies set default_currency = 'KWD' where company_id = :'k_company';
select is((select minor_units from accounts.buyers where buyer_id = :'buyer'), 0::smallint,
  'a buyer''s minor units follow its company''s currency');
insert into catalog.price_lists (tenant_id, name, currency) values (:'alpha', 'Base JPY', 'JPY')
returning price_list_id as jpy_list \gset
insert into catalog.price_lists (tenant_id, name, currency) values (:'alpha', 'Base KWD', 'KWD')
returning price_list_id as kwd_list \gset
insert into catalog.prices (tenant_id, price_list_id, variant_id, currency, unit_price)
values (:'alpha', :'jpy_list', :'variant', 'JPY', 99.5), (:'alpha', :'kwd_list', :'k_variant', 'KWD', 0.0125);

-- JPY: 99.5 x 3 = 298.5, rounded half away from zero to 299
select tests.act_as(:'alpha', :'buyer');
select order_id from orders.place_order(app.current_tenant_id(), p_company_id => :'company', p_buyer_id => :'buyer', p_currency => 'JPY',
  p_lines => tests.lines(:'variant', 3), p_idempotency_key => 'jpy') \gset
select results_eq(format($$select unit_price, line_total from orders.order_lines where order_id = %L$$, :'order_id'),
  $$values (99.5, 299::numeric)$$, 'a JPY line of 99.5 x 3 totals 299 yen (298.5 rounded half away from zero)');
select is((select total_amount from orders.orders where order_id = :'order_id'), 299::numeric, 'the order total is 299 yen');
select is((select total_amount::text from orders.orders where order_id = :'order_id'), '299',
  'the total has the currency''s scale: no decimals in yen');

-- shipped as 1 then 2: 100 (99.5 rounded) then 199 (299 - 100)
select orders.fulfil_order(app.current_tenant_id(), :'order_id', tests.lines(:'variant', 1));
select orders.fulfil_order(app.current_tenant_id(), :'order_id', tests.lines(:'variant', 2));
select results_eq(format($$select amount from orders.invoices where order_id = %L order by issued_at, amount$$, :'order_id'),
  $$values (100::numeric), (199::numeric)$$, 'the invoices are 100 and 199 yen: the cumulative difference');
select is((select sum(amount) from orders.invoices where order_id = :'order_id'), 299::numeric,
  'the invoices add up to the order total to the yen');
select results_eq(format($$select state, invoiced_amount from orders.orders where order_id = %L$$, :'order_id'),
  $$values ('fulfilled', 299::numeric)$$, 'the fulfilled order is invoiced for exactly its total');
select is(orders.open_balance(app.current_tenant_id(), :'company'), 299::numeric, 'the ledger owes 299 yen');

-- returned as 1 then 2: credit notes of 100 and 199, the balance back to 0
select return_id as r1 from orders.request_return(app.current_tenant_id(), p_order_id => :'order_id', p_buyer_id => :'buyer',
  p_lines => tests.lines(:'variant', 1)) \gset
select return_id as r2 from orders.request_return(app.current_tenant_id(), p_order_id => :'order_id', p_buyer_id => :'buyer',
  p_lines => tests.lines(:'variant', 2)) \gset
select is((orders.receive_return(app.current_tenant_id(), :'r1', :'returns_wh')).credit_amount, 100::numeric, 'the first return is credited 100 yen');
select is((orders.receive_return(app.current_tenant_id(), :'r2', :'returns_wh')).credit_amount, 199::numeric,
  'the second return is credited 199 yen: the credit notes add up to what was invoiced');
select is(orders.open_balance(app.current_tenant_id(), :'company'), 0::numeric, 'every unit back: nothing is owed');

-- KWD (3 minor units): 0.0125 x 7 = 0.0875 -> 0.088, shipped 1, 2, 4: 0.013, 0.025, 0.050
select tests.act_as(:'alpha', :'k_buyer');
select order_id as k_order from orders.place_order(app.current_tenant_id(), p_company_id => :'k_company', p_buyer_id => :'k_buyer',
  p_currency => 'KWD', p_lines => tests.lines(:'k_variant', 7), p_idempotency_key => 'kwd') \gset
select is((select total_amount::text from orders.orders where order_id = :'k_order'), '0.088',
  'a KWD line of 0.0125 x 7 totals 0.088 (0.0875 rounded half away from zero, 3 decimals)');
select orders.fulfil_order(app.current_tenant_id(), :'k_order', tests.lines(:'k_variant', 1));
select orders.fulfil_order(app.current_tenant_id(), :'k_order', tests.lines(:'k_variant', 2));
select orders.fulfil_order(app.current_tenant_id(), :'k_order', tests.lines(:'k_variant', 4));
select results_eq(format($$select amount::text from orders.invoices where order_id = %L order by amount$$, :'k_order'),
  $$values ('0.013'), ('0.025'), ('0.050')$$, 'the KWD invoices are 0.013, 0.025 and 0.050');
select is((select sum(amount) from orders.invoices where order_id = :'k_order'), 0.088, 'and add up to the total');
select is((select invoiced_amount from orders.orders where order_id = :'k_order'), 0.088, 'the order is invoiced for its total');

-- the invariant behind it, written directly: a fulfilled order invoiced for less than its total is refused
select tests.clear_actor();
select tests.throws_constraint(format($$update orders.orders set invoiced_amount = 0.087 where order_id = %L$$, :'k_order'),
  'chk_orders_fulfilled_fully_invoiced', 'a fulfilled order invoiced for other than its total is refused');

select * from finish();
rollback;
