-- Drafts are edited with optimistic locking: an edit names the version it read; a stale one gets B3002.
-- Drafts hold no stock; submitting prices them again; after submission the lines are frozen (B3010).
begin;
select plan(12);

select tests.create_tenant('alpha') as alpha \gset
select * from tests.create_order_world(:'alpha', stock => 10) \gset

select tests.act_as(:'alpha', :'buyer');
select order_id, version as v1 from orders.create_draft(app.current_tenant_id(), p_company_id => :'company', p_buyer_id => :'buyer',
  p_currency => 'EUR', p_lines => tests.lines(:'variant', 2)) \gset

select is((select state from orders.orders where order_id = :'order_id'), 'draft', 'a draft');
select is((select reserved from catalog.stock_levels where variant_id = :'variant'), 0::bigint, 'a draft holds no stock');

select version as v2 from orders.update_draft(app.current_tenant_id(), p_order_id => :'order_id', p_expected_version => :'v1',
  p_lines => tests.lines(:'variant', 3), p_purchase_order_number => 'PO-1') \gset
select ok(:'v2'::integer > :'v1'::integer, 'an edit moves the version on');
select is((select total_amount from orders.orders where order_id = :'order_id'), 30.0000::numeric(19,4), 'lines replaced and re-totalled');

select throws_ok(format($$select orders.update_draft(app.current_tenant_id(), p_order_id => %L, p_expected_version => %s, p_lines => tests.lines(%L, 9))$$,
    :'order_id', :'v1', :'variant'),
  'B3002', format('order %s is at version %s, not %s: it changed since it was read; read it again', :'order_id', :'v2', :'v1'),
  'an edit based on an older version is refused');
select throws_ok(format($$select orders.submit_order(app.current_tenant_id(), p_order_id => %L, p_expected_version => %s)$$, :'order_id', :'v1'),
  'B3002', null, 'submitting a stale version is refused too');

-- submission prices the draft again at now()
select tests.clear_actor();
update catalog.prices set unit_price = 12 where variant_id = :'variant';
select tests.act_as(:'alpha', :'buyer');
select is((orders.submit_order(app.current_tenant_id(), p_order_id => :'order_id', p_expected_version => :'v2')).total_amount, 36.0000::numeric(19,4),
  'submitting re-prices the lines at the current price');
select is((select reserved from catalog.stock_levels where variant_id = :'variant'), 3::bigint, 'submitting reserves the stock');

select throws_ok(format($$select orders.update_draft(app.current_tenant_id(), p_order_id => %L, p_expected_version => %s, p_lines => tests.lines(%L, 1))$$,
    :'order_id', (select version from orders.orders where order_id = :'order_id'), :'variant'),
  'B3010', null, 'a submitted order is not a draft any more');
select throws_ok(format($$update orders.order_lines set unit_price = 1, line_total = 3 where order_id = %L$$, :'order_id'),
  'B3010', null, 'its lines are frozen');
select throws_ok(format($$delete from orders.order_lines where order_id = %L$$, :'order_id'),
  'B3010', null, 'its lines cannot be removed');
select throws_ok(format($$select orders.update_draft(app.current_tenant_id(), p_order_id => gen_random_uuid(), p_expected_version => 1)$$),
  'B3013', null, 'an unknown order is not found');

select * from finish();
rollback;
