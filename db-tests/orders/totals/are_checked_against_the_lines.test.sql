-- The database checks the totals: a line's total is quantity x unit price (check constraint), and an
-- order's total is the sum of its lines (constraint trigger, at commit; made immediate here to see it).
begin;
select plan(5);

select tests.create_tenant('alpha') as alpha \gset
select * from tests.create_order_world(:'alpha', stock => 10) \gset

select tests.act_as(:'alpha', :'buyer');
select order_id from orders.create_draft(app.current_tenant_id(), p_company_id => :'company', p_buyer_id => :'buyer',
  p_currency => 'EUR', p_lines => tests.lines(:'variant', 2)) \gset
set constraints all immediate;

select throws_ok(format($$update orders.orders set total_amount = 25 where order_id = %L$$, :'order_id'),
  'B3003', format('order %s has total_amount 25 but its lines add up to 20.00', :'order_id'),
  'an order total that is not the sum of its lines is refused');
select tests.throws_constraint(format($$update orders.order_lines set unit_price = 11 where order_id = %L$$, :'order_id'),
  'chk_order_lines_line_total', 'a line total must be quantity x unit price, rounded to the minor units');
select throws_ok(format($$update orders.order_lines set unit_price = 11, line_total = 22 where order_id = %L$$, :'order_id'),
  'B3003', null, 'a consistent line change still has to match the order total');
select throws_ok(format($$delete from orders.order_lines where order_id = %L$$, :'order_id'),
  'B3003', null, 'removing a line without changing the total is refused');
select tests.throws_constraint(format($$insert into orders.order_lines (order_id, line_number, variant_id, quantity, unit_price, line_total, priced_from)
  values (%L, 2, gen_random_uuid(), 0, 1, 0, 'price_list')$$, :'order_id'),
  'chk_order_lines_quantity', 'a quantity is at least 1');

select * from finish();
rollback;
