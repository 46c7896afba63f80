-- orders.submit does not read the order again (issue 13): it checks the limits on the row its caller passes
-- and writes the state and the total in one update. A direct caller (b2b_app may call it) cannot use that
-- to get past a rule: a row whose company, buyer or currency is not the stored order's is refused (B3002),
-- and a total below the lines' (to fit under a credit limit) fails the deferred check (B3003).
-- Submitting a draft prices all its catalog lines again in one statement (catalog.resolve_prices): changed
-- prices are written, unchanged lines keep theirs, and a line without a price names itself (B3008, the
-- first such line in line order).
begin;
select plan(9);

select tests.create_tenant('alpha') as alpha \gset
select * from tests.create_order_world(:'alpha', stock => 100) \gset
select tests.create_company(:'alpha', 'Other') as other_company \gset
select tests.create_variant(:'alpha', (select product_id from catalog.variants where variant_id = :'variant'), 'ACME-DR-2') as second \gset
select tests.create_variant(:'alpha', (select product_id from catalog.variants where variant_id = :'variant'), 'ACME-DR-3') as third \gset
select tests.set_stock(:'alpha', :'second', :'warehouse', 100);
select tests.set_stock(:'alpha', :'third', :'warehouse', 100);
select tests.set_base_price(:'alpha', :'second', 20.00);
select tests.set_base_price(:'alpha', :'third', 30.00);
update accounts.companies set credit_limit = 100 where company_id = :'company';

-- three drafts of three lines each (10 + 20 + 30 = 60.00 per draft)
create temporary table drafts (n integer, order_id uuid, version integer);
grant select, insert on drafts to b2b_app;
select tests.act_as(:'alpha', :'buyer');
insert into drafts
select n, d.order_id, d.version
from generate_series(1, 3) n,
  orders.create_draft(app.current_tenant_id(), p_company_id => :'company', p_buyer_id => :'buyer', p_currency => 'EUR',
    p_lines => jsonb_build_array(
      jsonb_build_object('variant_id', :'variant', 'quantity', 1),
      jsonb_build_object('variant_id', :'second', 'quantity', 1),
      jsonb_build_object('variant_id', :'third', 'quantity', 1)),
    p_purchase_order_number => 'PO-' || n) d; -- (n makes it one call per draft)

-- a made-up row: the stored order with another company
select throws_ok(
  format($$select orders.submit(app.current_tenant_id(), jsonb_populate_record((select o from orders.orders o where o.order_id = %L), jsonb_build_object('company_id', %L::uuid)), false)$$,
    (select order_id from drafts where n = 1), :'other_company'),
  'B3002', null, 'a row whose company is not the stored order''s is refused');
select throws_ok(
  format($$select orders.submit(app.current_tenant_id(), jsonb_populate_record((select o from orders.orders o where o.order_id = %L), '{"currency": "USD"}'), false)$$,
    (select order_id from drafts where n = 1)),
  'B3002', null, 'a row in another currency is refused');

-- a total made up to fit under the credit limit is written with the state, and the deferred check refuses it
savepoint forged;
select lives_ok(
  format($$select orders.submit(app.current_tenant_id(), jsonb_populate_record((select o from orders.orders o where o.order_id = %L), '{"total_amount": 1}'), false)$$,
    (select order_id from drafts where n = 1)),
  'submit checks the limits on the total passed');
select throws_ok('set constraints all immediate', 'B3003', null,
  'a total passed below the lines fails the deferred total check');
rollback to savepoint forged;

-- repricing: the second line's price moves, the third's disappears from the list
select tests.clear_actor();
update catalog.prices set unit_price = 25 where variant_id = :'second';
select tests.act_as(:'alpha', :'buyer');
select is(
  (orders.submit_order(app.current_tenant_id(), p_order_id => (select order_id from drafts where n = 1))).total_amount,
  65.0000::numeric(19, 4), 'submitting prices every line again: the moved price counts');
select is(
  (select array_agg(l.unit_price::numeric(19, 2) order by l.line_number) from orders.order_lines l
   where l.order_id = (select order_id from drafts where n = 1)),
  array[10.00, 25.00, 30.00]::numeric[], 'only the moved line changed');
select is((select total_amount from orders.orders where order_id = (select order_id from drafts where n = 1)),
  65.0000::numeric(19, 4), 'the stored total is the lines''');

-- the limits still hold on the row passed: 65.00 placed + 60.00 > 100.00
select throws_ok(
  format($$select orders.submit_order(app.current_tenant_id(), p_order_id => %L)$$, (select order_id from drafts where n = 3)),
  'B3103', null, 'the credit limit still refuses an order that does not fit');

select tests.clear_actor();
delete from catalog.prices where variant_id = :'third';
select tests.act_as(:'alpha', :'buyer');
select throws_ok(
  format($$select orders.submit_order(app.current_tenant_id(), p_order_id => %L)$$, (select order_id from drafts where n = 2)),
  'B3008', format('variant %s has no price in EUR for company %s at quantity 1', :'third', :'company'),
  'a line without a price any more names itself');

select * from finish();
rollback;
