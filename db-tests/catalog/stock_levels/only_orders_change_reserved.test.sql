-- Reserved stock belongs to the orders that reserved it: the application role cannot insert it, cannot
-- update it outside an order function, and cannot take on_hand below it; the order functions can.
begin;
select plan(10);

select tests.create_tenant('alpha') as alpha \gset
select * from tests.create_order_world(:'alpha', stock => 10) \gset
select tests.create_warehouse(:'alpha', 'SPARE') as spare \gset

select tests.act_as(:'alpha', :'buyer');
select order_id as order_a from orders.place_order(p_company_id => :'company', p_buyer_id => :'buyer', p_currency => 'EUR',
  p_lines => tests.lines(:'variant', 6), p_idempotency_key => 'a') \gset
select is((select reserved from catalog.stock_levels where variant_id = :'variant'), 6::bigint, 'placing an order reserves');

select throws_ok(format($$insert into catalog.stock_levels (variant_id, warehouse_id, on_hand, reserved) values (%L, %L, 1, 1)$$,
  :'variant', :'spare'), '42501', null,
  'a direct insert cannot name reserved (not in the insert grant)');
select throws_ok($$update catalog.stock_levels set reserved = 0$$, 'B2212', null,
  'a direct update cannot release reserved stock');
select throws_ok($$update catalog.stock_levels set on_hand = 10, reserved = 7$$, 'B2212', null,
  'nor reserve more, even together with on_hand');
select throws_ok($$select catalog.set_stock_reason('adjustment'); update catalog.stock_levels set reserved = 0$$, 'B2212', null,
  'an adjustment or sync reason does not let reserved change');
select tests.throws_constraint($$select catalog.set_stock_reason('order'); update catalog.stock_levels set reserved = 0$$,
  'chk_stock_movements_deltas_fit_reason', 'a forged order reason must still fit: an order only adds reservations, for a named order');
select tests.throws_constraint($$update catalog.stock_levels set on_hand = 5$$,
  'chk_stock_levels_reserved_within_on_hand', 'a direct write cannot take on_hand below the reserved units');
select lives_ok($$update catalog.stock_levels set on_hand = 6$$, 'on_hand down to exactly the reserved units is a plain adjustment');

select is((orders.cancel_order(:'order_a')).state, 'cancelled', 'the order that reserved the units can release them');
select is((select (on_hand, reserved)::text from catalog.stock_levels where variant_id = :'variant'), '(6,0)',
  'cancelling released exactly its 6 units');

select * from finish();
rollback;
